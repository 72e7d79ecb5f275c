package io.omnihub.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

class CorrelationIdTests {

    @AfterEach
    void clear() {
        MDC.clear();
    }

    @Test
    void aScopeMakesItsIdCurrentAndRestoresThePreviousOne() {
        MDC.put(CorrelationId.MDC_KEY, "request-1");
        try (var relayed = CorrelationId.open("order-7")) {
            assertThat(CorrelationId.current()).isEqualTo("order-7");
        }
        assertThat(CorrelationId.current()).isEqualTo("request-1");
    }

    @Test
    void aScopeWithoutIdNeverBorrowsThePreviousOne() {
        MDC.put(CorrelationId.MDC_KEY, "request-1");
        try (var none = CorrelationId.open(null)) {
            assertThat(CorrelationId.current()).isNull();
        }
        assertThat(CorrelationId.current()).isEqualTo("request-1");
    }

    @Test
    void closingTheOutermostScopeLeavesNoId() {
        try (var outer = CorrelationId.open("a"); var inner = CorrelationId.open("b")) {
            assertThat(CorrelationId.current()).isEqualTo("b");
        }
        assertThat(CorrelationId.current()).isNull();
    }
}
