package io.omnihub.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.omnihub.inventory.StockUpdatesTopic.Figure;
import io.omnihub.testsupport.Fixtures;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The fixtures' journey: the ERP's full stock file ({@code fixtures/stock-full.xlsx}: 50 EANs at LJ001, LJ002 and
 * LJ003) as ingest publishes it, row by row over the three partitions and closed by a marker on each, then the
 * partial update of LJ002 ({@code fixtures/stock-partial.json}); every store's figures, and the latest
 * availability of every pair on {@code inventory.availability}, are exactly what the two files say.
 */
class StockJourneyIT extends EmbeddedInventory {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<String> STORES = List.of("LJ001", "LJ002", "LJ003");
    /** An Excel file without an as-of column is as of its upload. */
    private static final Instant FULL_AS_OF = Instant.parse("2026-11-28T09:00:00Z");
    private static final Instant PARTIAL_AS_OF = Instant.parse("2026-11-28T17:30:00Z");
    private static final Instant BEFORE = Instant.parse("2026-11-27T12:00:00Z");
    private static final String SNAPSHOT = "imp-journey-full";

    @Test
    void theFullFileThenThePartialUpdateGiveExactlyTheFilesFigures() throws IOException {
        // given a pair of LJ001 the full file leaves out, and a pair of a store it does not name
        topic.figure(Figure.partial("LJ001", "7890000000017", 5, BEFORE, "imp-earlier", 1));
        topic.figure(Figure.partial("LJ009", "7890000000017", 4, BEFORE, "imp-earlier", 1));
        awaitStock("7890000000017", "LJ001", 5);
        awaitStock("7890000000017", "LJ009", 4);

        // when the full file is published as ingest does it
        List<Figure> full = fullFile();
        assertThat(full).hasSize(150);
        long[] rowsByPartition = new long[StockUpdatesTopic.PARTITIONS];
        for (Figure figure : full) {
            rowsByPartition[figure.partition()]++;
            topic.figure(figure);
        }
        assertThat(rowsByPartition).doesNotContain(0L);
        for (int partition = 0; partition < StockUpdatesTopic.PARTITIONS; partition++) {
            topic.marker(SNAPSHOT, STORES, FULL_AS_OF, partition, rowsByPartition[partition]);
        }

        // then the pair it left out is zero once it is all applied, and every pair has the file's figure
        awaitStock("7890000000017", "LJ001", 0);
        Map<String, Long> expected = new LinkedHashMap<>();
        full.forEach(figure -> expected.put(figure.key(), figure.quantity()));
        await().atMost(PATIENCE).untilAsserted(() -> assertFigures(expected, Map.of()));

        // when the partial update of LJ002 follows
        List<Figure> partial = partialFile();
        assertThat(partial).hasSize(10).allSatisfy(figure -> assertThat(figure.storeId()).isEqualTo("LJ002"));
        partial.forEach(topic::figure);

        // then exactly its pairs change
        Map<String, Instant> partialAsOf = new LinkedHashMap<>();
        partial.forEach(figure -> {
            expected.put(figure.key(), figure.quantity());
            partialAsOf.put(figure.key(), PARTIAL_AS_OF);
        });
        await().atMost(PATIENCE).untilAsserted(() -> assertFigures(expected, partialAsOf));

        assertThat(figuresOf("7891000015834")).containsExactly(
                "LJ001 onHand=8 available=7 asOf=" + FULL_AS_OF,
                "LJ002 onHand=9 available=8 asOf=" + PARTIAL_AS_OF,
                "LJ003 onHand=8 available=6 asOf=" + FULL_AS_OF);
        assertThat(figuresOf("7891000000007")).containsExactly(
                "LJ001 onHand=0 available=0 asOf=" + FULL_AS_OF,
                "LJ002 onHand=0 available=0 asOf=" + PARTIAL_AS_OF,
                "LJ003 onHand=0 available=0 asOf=" + FULL_AS_OF);
        assertThat(figuresOf("7891000031674")).containsExactly(
                "LJ001 onHand=40 available=39 asOf=" + FULL_AS_OF,
                "LJ002 onHand=8 available=7 asOf=" + PARTIAL_AS_OF,
                "LJ003 onHand=0 available=0 asOf=" + FULL_AS_OF);
        assertThat(figuresOf("7890000000017")).containsExactly(
                "LJ001 onHand=0 available=0 asOf=" + FULL_AS_OF,
                "LJ009 onHand=4 available=3 asOf=" + BEFORE);
        assertThat(storePage("LJ001", "size=200").path("totalItems").asLong()).isEqualTo(51);
        assertThat(storePage("LJ002", "size=200").path("totalItems").asLong()).isEqualTo(50);
        assertThat(storePage("LJ003", "size=200").path("totalItems").asLong()).isEqualTo(50);

        // and the compacted topic, read from the start, tells a consumer the same; a figure that only confirmed
        // the quantity at a later as-of changed no availability, and was not announced again
        await().atMost(PATIENCE).untilAsserted(() -> {
            availability.poll();
            for (String store : STORES) {
                for (JsonNode stock : storePage(store, "size=200").path("items")) {
                    String key = store + ":" + stock.path("ean").asString();
                    JsonNode latest = availability.latest(key);
                    assertThat(latest).as(key).isNotNull();
                    assertThat(quantities(latest)).as(key).isEqualTo(quantities(stock));
                    assertThat(Instant.parse(latest.path("asOf").asString())).as(key)
                            .isBeforeOrEqualTo(Instant.parse(stock.path("asOf").asString()));
                }
            }
        });
        assertThat(availability.latest("LJ002:7891000015834").path("asOf").asString())
                .isEqualTo(PARTIAL_AS_OF.toString());
    }

    /** Every pair of the three stores has its expected figure, the safety stock of the test configuration off. */
    private void assertFigures(Map<String, Long> expectedOnHand, Map<String, Instant> expectedAsOf) {
        Map<String, String> actual = new LinkedHashMap<>();
        Map<String, String> expected = new LinkedHashMap<>();
        for (String store : STORES) {
            for (JsonNode stock : storePage(store, "size=200").path("items")) {
                actual.put(store + ":" + stock.path("ean").asString(), figure(stock));
            }
        }
        expectedOnHand.forEach((key, onHand) -> {
            String store = key.substring(0, key.indexOf(':'));
            String ean = key.substring(key.indexOf(':') + 1);
            long available = Math.max(0, onHand - safetyStock(store, ean));
            expected.put(key, figure(onHand, 0, available, expectedAsOf.getOrDefault(key, FULL_AS_OF)));
        });
        expected.put("LJ001:7890000000017", figure(0, 0, 0, FULL_AS_OF));
        assertThat(actual).containsExactlyInAnyOrderEntriesOf(expected);
    }

    /** The test configuration: 3 for EAN 7891000000007, else 2 at LJ003, else 1. */
    private static long safetyStock(String store, String ean) {
        return ean.equals("7891000000007") ? 3 : store.equals("LJ003") ? 2 : 1;
    }

    /** The EAN's figures at the fixtures' stores (other tests of the application have stores of their own). */
    private List<String> figuresOf(String ean) {
        JsonNode response = http.getForObject("/api/v1/stock/" + ean, JsonNode.class);
        List<String> figures = new ArrayList<>();
        for (JsonNode stock : response.path("stores")) {
            if (!stock.path("storeId").asString().startsWith("LJ")) {
                continue;
            }
            figures.add(stock.path("storeId").asString() + " onHand=" + stock.path("onHand").asLong() + " available="
                    + stock.path("available").asLong() + " asOf=" + Instant.parse(stock.path("asOf").asString()));
        }
        return figures;
    }

    private static String figure(JsonNode stock) {
        return figure(stock.path("onHand").asLong(), stock.path("reserved").asLong(), stock.path("available").asLong(),
                Instant.parse(stock.path("asOf").asString()));
    }

    private static String quantities(JsonNode stock) {
        return "onHand=" + stock.path("onHand").asLong() + " reserved=" + stock.path("reserved").asLong()
                + " available=" + stock.path("available").asLong();
    }

    private static String figure(long onHand, long reserved, long available, Instant asOf) {
        return "onHand=" + onHand + " reserved=" + reserved + " available=" + available + " asOf=" + asOf;
    }

    /** The rows of the full file, as ingest publishes them: row numbers of the sheet, as of the upload. */
    private static List<Figure> fullFile() throws IOException {
        List<Figure> figures = new ArrayList<>();
        try (var workbook = new ReadableWorkbook(Fixtures.path("stock-full.xlsx").toFile())) {
            List<Row> rows = workbook.getFirstSheet().read();
            assertThat(rows.get(0).getCell(0).getText()).isEqualTo("EAN");
            for (Row row : rows.subList(1, rows.size())) {
                figures.add(Figure.full(row.getCell(1).getText(), row.getCell(0).getText(),
                        Long.parseLong(row.getCell(2).getText()), FULL_AS_OF, SNAPSHOT, row.getRowNum()));
            }
        }
        return figures;
    }

    /** The items of the partial JSON file, as ingest publishes them: as of the file's {@code asOf}. */
    private static List<Figure> partialFile() {
        JsonNode file = JSON.readTree(Fixtures.bytes("stock-partial.json"));
        assertThat(OffsetDateTime.parse(file.path("asOf").asString()).toInstant()).isEqualTo(PARTIAL_AS_OF);
        List<Figure> figures = new ArrayList<>();
        int position = 0;
        for (JsonNode item : file.path("items")) {
            figures.add(Figure.partial(item.path("storeId").asString(), item.path("ean").asString(),
                    item.path("quantity").asLong(), PARTIAL_AS_OF, "imp-journey-partial", ++position));
        }
        return figures;
    }
}
