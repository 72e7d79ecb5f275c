package io.omnihub.system.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.omnihub.contracts.Topics;
import io.omnihub.localstack.LocalStack;
import io.omnihub.localstack.Part;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * kill -9 of ingest-service in the middle of a stock import: once restarted, the import completes exactly once.
 * What ingest owns is checked: the job, and every row's event on the topic. Inventory's figures of these rows are
 * checked by {@link MongoRestartedIT} on a smaller file: the embedded MongoDB scans a collection per conditional
 * write, so tens of thousands of pairs take inventory minutes (why this case runs last).
 */
@Order(4)
class IngestKilledMidImportIT {

    private final Scale scale = Scale.current();
    private final LocalStack stack = FaultStack.get();
    private final Client erp = new Client(stack, "dev-erp");

    @AfterEach
    void restore() {
        FaultStack.restore();
    }

    @Test
    void anImportCutShortByAKillIsTakenOverAfterTheRestartAndAppliedOnceRowForRow() throws Exception {
        // given a stock file of a store of its own, uploaded to the inbox
        StockFile file = StockFile.of("FKI", 1_000_000, scale.importRows());
        try (TopicReader updates = new TopicReader(stack, Topics.INVENTORY_STOCK_UPDATES, file::isOurs)) {
            erp.upload(file.key(), file.json());

            // when ingest is killed (SIGKILL) as soon as the first rows of the import reach Kafka
            await("the first rows on the topic").atMost(scale.patience()).until(() -> !updates.poll().isEmpty());
            stack.kill(Part.INGEST);
            assertThat(file.storedState(stack)).as("the kill landed mid-import (else raise the rows)")
                    .isEqualTo("RUNNING");
            int beforeKill = updates.poll().size();

            // and started again on the same port with the same database and inbox
            stack.start(Part.INGEST);

            // then, once the dead worker's lease expired, the job is redone: COMPLETED once, with every row
            JsonNode job = file.awaitCompletedOnce(erp, scale.patience().plus(scale.inboxLease()));
            file.assertEachRowPublishedOnce(updates, job.path("id").asString(), scale.patience());
            System.out.printf("ingest killed after %d of %d rows reached Kafka; %d records in all%n", beforeKill,
                    file.rows(), updates.poll().size());
        }
    }
}
