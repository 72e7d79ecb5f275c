package io.omnihub.system.journeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.omnihub.testsupport.Fixtures;
import java.nio.charset.StandardCharsets;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.MissingNode;

/** The ERP's daily full stock file, then a partial update pushed through the gateway, read back per store. */
class StockJourneyIT {

    private final Erp erp = new Erp(EmbeddedStack.get(), Erp.ERP);

    @Test
    void aFullStockFileThenAPartialUpdateGiveThePerStoreFiguresThroughTheGateway() throws Exception {
        erp.upload("stock/full/estoque-diario.xlsx", Fixtures.bytes("stock-full.xlsx"));

        JsonNode ean = await().atMost(Duration.ofSeconds(90)).until(() -> erp.find("/api/v1/stock/7891000015834"),
                stock -> stock != null && stock.path("stores").size() == 3);
        assertThat(store(ean, "LJ001").path("onHand").asLong()).isEqualTo(8);
        assertThat(store(ean, "LJ001").path("available").asLong()).isEqualTo(8);
        JsonNode lj001 = await().atMost(Duration.ofSeconds(60)).until(() -> erp.find("/api/v1/stores/LJ001/stock?size=1"),
                // the file's 50 pairs of LJ001; other journeys sharing the stack may add pairs of their own
                page -> page != null && page.path("totalItems").asInt() >= 50);
        assertThat(lj001.path("items")).hasSize(1);

        String update = "{\"asOf\": \"" + Instant.now().plusSeconds(60) + "\", \"items\": ["
                + "{\"ean\": \"7891000015834\", \"storeId\": \"LJ002\", \"quantity\": 9}]}";
        HttpResponse<String> accepted = erp.postJson("/api/v1/stock?mode=partial",
                update.getBytes(StandardCharsets.UTF_8));
        assertThat(accepted.statusCode()).isEqualTo(202);

        JsonNode updated = await().atMost(Duration.ofSeconds(60)).until(() -> erp.find("/api/v1/stock/7891000015834"),
                stock -> store(stock, "LJ002").path("onHand").asLong() == 9);
        assertThat(store(updated, "LJ001").path("onHand").asLong()).isEqualTo(8);
    }

    private static JsonNode store(JsonNode stock, String storeId) {
        for (JsonNode store : stock.path("stores")) {
            if (store.path("storeId").asString().equals(storeId)) {
                return store;
            }
        }
        return MissingNode.getInstance();
    }
}
