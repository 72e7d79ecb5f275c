package io.omnihub.ingest.stock;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * What one imported page added to a snapshot spanning pages, kept until the snapshot is closed. One document per
 * page import, written whole when the page is done: a page imported again replaces its own figures, never adds.
 *
 * @param rowsByPartition     the page's rows per partition of {@code inventory.stock-updates} (keys are numbers)
 * @param stores              the stores the page's good rows name
 * @param storesWithRejects   the stores of the page's rejected rows
 * @param rejectedWithoutStore a rejected row whose store could not be read
 * @param asOf                the page's as-of time
 */
@Document("snapshot-pages")
record SnapshotPage(@Id String importId, @Indexed String snapshotId, Map<String, Long> rowsByPartition,
        List<String> stores, List<String> storesWithRejects, boolean rejectedWithoutStore, Instant asOf) {
}
