package io.omnihub.gateway.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class CorrelationIdTests {

    @ParameterizedTest
    @ValueSource(strings = {"erp-42", "7f3a9c2e-1b4d-4c8e-9a0f-123456789abc", "POS:LJ001.2024_07"})
    void keepsAPlainIdFromTheCaller(String given) {
        assertThat(CorrelationId.resolve(given)).isEqualTo(given);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"has space", "quote\"", "new\nline", "<script>", "ação"})
    void makesANewIdWhenTheCallersIsMissingOrNotPlain(String given) {
        assertThat(UUID.fromString(CorrelationId.resolve(given))).isNotNull();
    }

    @Test
    void makesANewIdWhenTheCallersIsLongerThan64Characters() {
        assertThat(CorrelationId.resolve("a".repeat(64))).isEqualTo("a".repeat(64));
        assertThat(CorrelationId.resolve("a".repeat(65))).hasSize(36).isNotEqualTo("a".repeat(65));
    }

    @Test
    void makesADifferentIdForEachRequestWithout() {
        assertThat(CorrelationId.resolve(null)).isNotEqualTo(CorrelationId.resolve(null));
    }
}
