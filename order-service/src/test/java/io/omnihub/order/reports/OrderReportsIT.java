package io.omnihub.order.reports;

import static org.assertj.core.api.Assertions.assertThat;

import io.omnihub.contracts.identity.IdentityToken;
import io.omnihub.contracts.orders.FulfillmentStatus;
import io.omnihub.contracts.orders.Journey;
import io.omnihub.order.documents.EmbeddedOrderService;
import io.omnihub.testsupport.TestIdentities;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.JsonNode;

/**
 * Lists, summaries and exports over orders of a site of this class's own (the application context, and so the
 * database, is shared with the document ITs). Three orders: two on the 27th, one on the 28th; LJ001 and LJ002.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OrderReportsIT extends EmbeddedOrderService {

    final String site = "site-" + UUID.randomUUID();
    Placed shoesAtLj001;
    Placed splitOrder;
    Placed capsAtLj002;

    static final Line SHOES = new Line("7891000000007", "3266", "Acme", "Shoes > Running", 2, "333.14");
    static final Line SOCKS = new Line("7891000000014", "3267", "ACME", "Socks", 3, "19.90");
    static final Line CAP = new Line("7891000000021", "3268", "Zeta", "Caps", 1, "49.00");

    @BeforeAll
    void orders() {
        shoesAtLj001 = accepted(site, Journey.SHIP_FROM_STORE, Instant.parse("2026-11-27T09:00:00Z"),
                List.of(SHOES), split("LJ001", SHOES));
        Map<String, List<String>> twoStores = new LinkedHashMap<>();
        twoStores.put("LJ001", List.of(SHOES.ean()));
        twoStores.put("LJ002", List.of(SOCKS.ean()));
        splitOrder = accepted(site, Journey.SHIP_FROM_STORE, Instant.parse("2026-11-27T15:00:00Z"),
                List.of(SHOES, SOCKS), twoStores);
        capsAtLj002 = accepted(site, Journey.SHIP_FROM_STORE, Instant.parse("2026-11-28T12:00:00Z"), List.of(CAP),
                split("LJ002", CAP));
        moveTo(capsAtLj002, capsAtLj002.fulfillmentId(), FulfillmentStatus.IN_TRANSIT, "omnihub", "OMNI473124829");
    }

    static Map<String, List<String>> split(String store, Line line) {
        return Map.of(store, List.of(line.ean()));
    }

    ResponseEntity<JsonNode> get(String path, String token) {
        HttpHeaders headers = new HttpHeaders();
        if (token != null) {
            headers.set(IdentityToken.HEADER, token);
        }
        return http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), JsonNode.class);
    }

    List<String> ids(String query) {
        ResponseEntity<JsonNode> page = get("/api/v1/orders?siteId=" + site + "&" + query, null);
        assertThat(page.getStatusCode()).as(query).isEqualTo(HttpStatus.OK);
        return page.getBody().path("items").valueStream().map(item -> item.path("orderId").asString()).toList();
    }

    @Test
    void listsTheSitesOrdersNewestFirstPageByPage() {
        ResponseEntity<JsonNode> first = get("/api/v1/orders?siteId=" + site + "&size=2", null);
        ResponseEntity<JsonNode> second = get("/api/v1/orders?siteId=" + site + "&size=2&page=1", null);

        assertThat(first.getBody().path("totalItems").asLong()).isEqualTo(3);
        assertThat(first.getBody().path("totalPages").asLong()).isEqualTo(2);
        assertThat(first.getBody().path("items").valueStream().map(item -> item.path("orderId").asString()))
                .containsExactly(capsAtLj002.orderId(), splitOrder.orderId());
        assertThat(second.getBody().path("items").valueStream().map(item -> item.path("orderId").asString()))
                .containsExactly(shoesAtLj001.orderId());
        JsonNode split = first.getBody().path("items").get(1);
        assertThat(split.path("units").asLong()).isEqualTo(5);
        assertThat(split.path("total").decimalValue()).isEqualByComparingTo("725.98");
        assertThat(split.path("storeIds").valueStream().map(JsonNode::asString)).containsExactly("LJ001", "LJ002");
        assertThat(split.path("customerName").asString()).isEqualTo("Ana Souza");
    }

    @Test
    void filtersByDateStoreStatusAndProduct() {
        assertThat(ids("from=2026-11-27&to=2026-11-27")).containsExactly(splitOrder.orderId(),
                shoesAtLj001.orderId());
        assertThat(ids("from=2026-11-27T12:00:00Z")).containsExactly(capsAtLj002.orderId(), splitOrder.orderId());
        assertThat(ids("storeId=LJ002")).containsExactly(capsAtLj002.orderId(), splitOrder.orderId());
        assertThat(ids("status=IN_TRANSIT")).containsExactly(capsAtLj002.orderId());
        assertThat(ids("status=accepted,in_transit")).hasSize(3);
        assertThat(ids("reference=3267")).containsExactly(splitOrder.orderId());
        assertThat(ids("brand=acme")).containsExactly(splitOrder.orderId(), shoesAtLj001.orderId());
        assertThat(ids("category=shoes")).containsExactly(splitOrder.orderId(), shoesAtLj001.orderId());
        assertThat(ids("category=Shoes > Trail")).isEmpty();
    }

    @Test
    void aStoreKeySeesOnlyTheOrdersItsStoresServe() {
        String lj002 = TestIdentities.tokenFor(TestIdentities.store("LJ002"));

        ResponseEntity<JsonNode> page = get("/api/v1/orders?siteId=" + site, lj002);
        ResponseEntity<JsonNode> elsewhere = get("/api/v1/orders?siteId=" + site + "&storeId=LJ001", lj002);

        assertThat(page.getBody().path("items").valueStream().map(item -> item.path("orderId").asString()))
                .containsExactly(capsAtLj002.orderId(), splitOrder.orderId());
        assertThat(elsewhere.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void explainsEveryBadParameter() {
        ResponseEntity<JsonNode> bad = get("/api/v1/orders?from=last-week&status=SHIPPED", null);

        assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(bad.getBody().path("errors").valueStream().map(error -> error.path("field").asString()))
                .containsExactlyInAnyOrder("from", "status");
        assertThat(get("/api/v1/orders?size=501", null).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    }

    @Test
    void summarisesByStatusDayAndStore() {
        JsonNode summary = get("/api/v1/orders/summary?siteId=" + site, null).getBody();

        assertThat(summary.path("orders").asLong()).isEqualTo(3);
        assertThat(summary.path("units").asLong()).isEqualTo(2 + 5 + 1);
        assertThat(summary.path("total").decimalValue()).isEqualByComparingTo("1441.26");
        assertThat(group(summary, "byStatus", "ACCEPTED").path("orders").asLong()).isEqualTo(2);
        assertThat(group(summary, "byStatus", "IN_TRANSIT").path("total").decimalValue())
                .isEqualByComparingTo("49.00");
        assertThat(summary.path("byDay").valueStream().map(day -> day.path("key").asString()))
                .containsExactly("2026-11-27", "2026-11-28");
        assertThat(group(summary, "byDay", "2026-11-27").path("total").decimalValue())
                .isEqualByComparingTo("1392.26");
        JsonNode lj001 = group(summary, "byStore", "LJ001");
        assertThat(lj001.path("orders").asLong()).isEqualTo(2);
        assertThat(lj001.path("units").asLong()).isEqualTo(4);
        assertThat(lj001.path("total").decimalValue()).isEqualByComparingTo("1332.56");
        JsonNode lj002 = group(summary, "byStore", "LJ002");
        assertThat(lj002.path("orders").asLong()).isEqualTo(2);
        assertThat(lj002.path("total").decimalValue()).isEqualByComparingTo("108.70");
    }

    @Test
    void aStoresSummaryCountsOnlyItsShare() {
        JsonNode summary = get("/api/v1/orders/summary?siteId=" + site,
                TestIdentities.tokenFor(TestIdentities.store("LJ002"))).getBody();

        assertThat(summary.path("orders").asLong()).isEqualTo(2);
        assertThat(summary.path("byStore").valueStream().map(store -> store.path("key").asString()))
                .containsExactly("LJ002");
    }

    @Test
    void exportsEveryLineAsCsv() {
        ResponseEntity<String> csv = http.getForEntity("/api/v1/orders/export?format=csv&siteId=" + site,
                String.class);

        assertThat(csv.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(csv.getHeaders().getContentType().toString()).startsWith("text/csv");
        assertThat(csv.getHeaders().getContentDisposition().getFilename()).startsWith("orders-").endsWith(".csv");
        String[] lines = csv.getBody().split("\r\n");
        assertThat(lines).hasSize(1 + 4);
        assertThat(lines[0]).isEqualTo(String.join(",", ExportRow.HEADERS));
        assertThat(lines[1]).startsWith(capsAtLj002.orderId() + "," + capsAtLj002.channelOrderId() + "," + site)
                .contains(",IN_TRANSIT,omnihub,OMNI473124829,7891000000021,3268,")
                .endsWith(",1,0,0,49.00,49.00");
    }

    @Test
    void exportsAStreamedWorkbookAStoreSeeingItsOwnLines() throws IOException {
        HttpHeaders headers = new HttpHeaders();
        headers.set(IdentityToken.HEADER, TestIdentities.tokenFor(TestIdentities.store("LJ001")));

        ResponseEntity<byte[]> xlsx = http.exchange("/api/v1/orders/export?format=xlsx&siteId=" + site,
                HttpMethod.GET, new HttpEntity<>(headers), byte[].class);

        assertThat(xlsx.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(xlsx.getHeaders().getContentType().toString()).isEqualTo(OrderReportController.XLSX);
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.getBody()))) {
            Sheet sheet = workbook.getSheet("orders");
            assertThat(sheet.getLastRowNum()).isEqualTo(2);
            int store = ExportRow.HEADERS.indexOf("storeId");
            int order = ExportRow.HEADERS.indexOf("orderId");
            int total = ExportRow.HEADERS.indexOf("total");
            Row newest = sheet.getRow(1);
            assertThat(newest.getCell(order).getStringCellValue()).isEqualTo(splitOrder.orderId());
            assertThat(newest.getCell(store).getStringCellValue()).isEqualTo("LJ001");
            assertThat(newest.getCell(total).getNumericCellValue()).isEqualTo(666.28);
            assertThat(sheet.getRow(2).getCell(order).getStringCellValue()).isEqualTo(shoesAtLj001.orderId());
        }
    }

    @Test
    void refusesAnUnknownExportFormat() {
        ResponseEntity<String> pdf = http.getForEntity("/api/v1/orders/export?format=pdf", String.class);

        assertThat(pdf.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(pdf.getBody()).contains("format");
        assertThat(new String(pdf.getBody().getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8))
                .doesNotContain("orderId,");
    }

    static JsonNode group(JsonNode summary, String grouping, String key) {
        return summary.path(grouping).valueStream().filter(group -> key.equals(group.path("key").asString()))
                .findFirst().orElseThrow(() -> new AssertionError(grouping + " has no " + key + ": " + summary));
    }
}
