package io.omnihub.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.omnihub.contracts.Topics;
import io.omnihub.testsupport.DeadLetters;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The availability projection, fed a poll at a time: the highest version wins, a broken record is dead-lettered. */
class AvailabilityIT extends EmbeddedOrders {

    @Test
    void theHighestVersionWinsWhateverOrderTheFiguresArriveIn() {
        // given a store
        String ean = "7891000700010";
        store("AV-1", -23.5614, -46.6559, 1, Map.of());

        // when a burst of figures for one EAN comes, the newest (version 30: 4 units) before older ones (0 units)
        kafka.availability("AV-1", ean, 0, 10);
        kafka.availability("AV-1", ean, 4, 30);
        kafka.availability("AV-1", ean, 0, 20);
        kafka.availability("AV-1", ean, 0, 29);

        // then routing sees version 30's 4 units: an order of 4 is placed there, one of 5 is not
        await().atMost(Kafka.PATIENCE).until(() -> dryRun("site-av", ean, 4), assignments -> assignments.size() == 1
                && assignments.get(0).path("storeId").asString().equals("AV-1"));
        assertThat(dryRun("site-av", ean, 5)).isEmpty();
    }

    @Test
    void aFigureWithoutItsStoreIsDeadLetteredAndTheOthersAreStored() {
        String ean = "7891000700034";
        store("AV-2", -23.5614, -46.6559, 1, Map.of());

        ConsumerRecord<String, byte[]> dead = DeadLetters.of(broker.getBrokersAsString(), Topics.INVENTORY_AVAILABILITY,
                "AV-NONE:" + ean, Kafka.PATIENCE, () -> {
                    kafka.availability("AV-2", ean, 2, 1);
                    var broken = Kafka.golden("inventory.availability/availability-changed.json", Map.of("ean", ean));
                    broken.remove("storeId");
                    kafka.send(Topics.INVENTORY_AVAILABILITY, "AV-NONE:" + ean,
                            "io.omnihub.inventory.availability-changed", broken);
                    kafka.availability("AV-2", ean, 3, 2);
                });

        assertThat(Kafka.json(dead).has("storeId")).isFalse();
        await().atMost(Kafka.PATIENCE).until(() -> dryRun("site-av", ean, 3).size() == 1);
    }

    private JsonNode dryRun(String site, String ean, int quantity) {
        return post("/api/v1/routing-profiles/" + site + "/dry-run", orderBody(site, "dry", "SHIP_FROM_STORE", null,
                List.of(line(ean, quantity, 1.0)))).getBody().path("assignments");
    }
}
