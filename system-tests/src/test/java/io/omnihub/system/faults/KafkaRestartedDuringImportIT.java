package io.omnihub.system.faults;

import static org.awaitility.Awaitility.await;

import io.omnihub.contracts.Topics;
import io.omnihub.localstack.LocalStack;
import io.omnihub.localstack.Part;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The Kafka broker stopped and started again (same port, same log directory) during a stock import: the import
 * completes, no row lost or doubled. Checked on ingest's side (job and topic), as in {@link IngestKilledMidImportIT}.
 */
@Order(5)
class KafkaRestartedDuringImportIT {

    private final Scale scale = Scale.current();
    private final LocalStack stack = FaultStack.get();
    private final Client erp = new Client(stack, "dev-erp");

    @AfterEach
    void restore() {
        FaultStack.restore();
    }

    @Test
    void anImportThroughABrokerRestartCompletesWithEveryRowOnce() throws Exception {
        // given a stock file of a store of its own, uploaded to the inbox
        StockFile file = StockFile.of("FKK", 4_000_000, scale.importRows());
        try (TopicReader updates = new TopicReader(stack, Topics.INVENTORY_STOCK_UPDATES, file::isOurs)) {
            erp.upload(file.key(), file.json());

            // when the broker is stopped as soon as the first rows reach it, then started again
            await("the first rows on the topic").atMost(scale.patience()).until(() -> !updates.poll().isEmpty());
            stack.stop(Part.KAFKA);
            stack.start(Part.KAFKA);

            // then the import completes once, every row's event on the topic under its own id
            JsonNode job = file.awaitCompletedOnce(erp, scale.patience().plus(scale.inboxLease()));
            file.assertEachRowPublishedOnce(updates, job.path("id").asString(), scale.patience());
            System.out.printf("broker restarted during the import; %d records for %d rows%n", updates.poll().size(),
                    file.rows());
        }
    }
}
