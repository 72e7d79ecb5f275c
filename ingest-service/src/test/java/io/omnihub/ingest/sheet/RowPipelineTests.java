package io.omnihub.ingest.sheet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

class RowPipelineTests {

    @Test
    void theConsumerGetsEveryRowInFileOrderOnAnotherThread() {
        List<Long> seen = new ArrayList<>();
        List<String> threads = new ArrayList<>();
        var pipeline = new RowPipeline(row -> {
            seen.add(row.number());
            threads.add(Thread.currentThread().getName());
        });

        for (long number = 1; number <= 10_000; number++) {
            pipeline.accept(new SheetRow(number, List.of("x")));
        }
        pipeline.finish();

        assertThat(seen).hasSize(10_000).isSorted();
        assertThat(threads).allSatisfy(thread -> assertThat(thread).isNotEqualTo(Thread.currentThread().getName()));
    }

    @Test
    void theConsumerRunsUnderTheReadersCorrelationId() {
        List<String> correlationIds = new ArrayList<>();
        MDC.put("correlationId", "erp-42");
        try {
            var pipeline = new RowPipeline(row -> correlationIds.add(MDC.get("correlationId")));
            pipeline.accept(new SheetRow(1, List.of("x")));
            pipeline.finish();
        } finally {
            MDC.remove("correlationId");
        }

        assertThat(correlationIds).containsExactly("erp-42");
    }

    @Test
    void aFailureOfTheConsumerStopsTheReaderWithTheSameException() {
        var failure = new UnreadableFileException("missing required columns: ean");
        AtomicInteger consumed = new AtomicInteger();
        var pipeline = new RowPipeline(row -> {
            consumed.incrementAndGet();
            throw failure;
        });

        assertThatThrownBy(() -> {
            for (long number = 1; number <= 1_000_000; number++) {
                pipeline.accept(new SheetRow(number, List.of("x")));
            }
        }).isSameAs(failure);
        assertThatThrownBy(pipeline::finish).isSameAs(failure);
        assertThat(consumed).hasValue(1);
    }
}
