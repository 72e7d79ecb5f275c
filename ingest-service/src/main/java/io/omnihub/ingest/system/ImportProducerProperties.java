package io.omnihub.ingest.system;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How ingest's producer batches the events of a file ({@code omnihub.ingest.producer.*}): an import sends
 * hundreds of thousands of small records at once, which the platform's defaults (16 KiB batches, 5 ms) send
 * as many small requests, one round trip each.
 *
 * @param batchSize   bytes per partition batch ({@code batch.size})
 * @param lingerMs    how long a batch may wait to fill ({@code linger.ms})
 * @param compression {@code none}, {@code lz4}, {@code zstd}, {@code snappy} or {@code gzip}
 */
@ConfigurationProperties("omnihub.ingest.producer")
record ImportProducerProperties(@DefaultValue("262144") int batchSize, @DefaultValue("20") int lingerMs,
        @DefaultValue("lz4") String compression) {
}
