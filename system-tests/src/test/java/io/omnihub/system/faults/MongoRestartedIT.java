package io.omnihub.system.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.omnihub.contracts.Topics;
import io.omnihub.localstack.LocalStack;
import io.omnihub.localstack.Part;
import io.omnihub.localstack.PartStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The MongoDB server stopped and started again (same port, same H2 file) while ingest imports a stock file and
 * inventory applies it: every service reports UP again, the import completes once, inventory holds the file's
 * figures, and an update pushed after the restart is applied too.
 */
@Order(3)
class MongoRestartedIT {

    private final Scale scale = Scale.current();
    private final LocalStack stack = FaultStack.get();
    private final Client erp = new Client(stack, "dev-erp");

    @AfterEach
    void restore() {
        FaultStack.restore();
    }

    @Test
    void servicesRecoverFromAMongoRestartAndLoseNoFigure() throws Exception {
        // given a stock file of a store of its own, uploaded to the inbox
        StockFile file = StockFile.of("FKM", 5_000_000, scale.mongoRows());
        try (TopicReader updates = new TopicReader(stack, Topics.INVENTORY_STOCK_UPDATES, file::isOurs)) {
            erp.upload(file.key(), file.json());

            // when MongoDB is stopped as soon as the import's first rows reach Kafka, then started again
            await("the first rows on the topic").atMost(scale.patience()).until(() -> !updates.poll().isEmpty());
            stack.stop(Part.MONGO);
            stack.start(Part.MONGO);

            // then every service reports UP again
            await("every service UP").atMost(scale.patience()).until(() -> stack.status().stream()
                    .filter(part -> part.part().isService()).allMatch(part -> "UP".equals(part.health())));
            assertThat(stack.status()).allMatch(PartStatus::running);

            // and an update pushed now is taken
            String ean = file.figures().keySet().iterator().next();
            erp.call("POST", "/api/v1/stock?mode=partial", Map.of("asOf", Instant.now().plusSeconds(60).toString(),
                    "items", List.of(Map.of("ean", ean, "storeId", file.storeId(), "quantity", 777))), 202);

            // and the import completed once, every row on the topic once, and inventory holds every figure
            JsonNode job = file.awaitCompletedOnce(erp, scale.patience().plus(scale.inboxLease()));
            file.assertEachRowPublishedOnce(updates, job.path("id").asString(), scale.patience());
            file.awaitFiguresInInventory(erp, Map.of(ean, 777L), scale.patience());
        }
    }
}
