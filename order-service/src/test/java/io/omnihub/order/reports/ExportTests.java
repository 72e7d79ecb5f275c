package io.omnihub.order.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.bson.Document;
import org.bson.types.Decimal128;
import org.junit.jupiter.api.Test;

class ExportTests {

    /** An order as the core stores it: two stores, one of which rejected a unit, and a line nobody holds. */
    static Document order() {
        return new Document("_id", "ord-42").append("siteId", "site-1").append("channelOrderId", "ECOM-1001")
                .append("journey", "SHIP_FROM_STORE").append("status", "ACCEPTED")
                .append("receivedAt", Date.from(Instant.parse("2026-11-29T10:00:00Z")))
                .append("customer", new Document("name", "=cmd|' /C calc'!A0").append("document", "52998224725"))
                .append("storeIds", List.of("LJ001", "LJ002"))
                .append("lines", List.of(
                        line("7891000000007", "3266", "Tênis, Corrida", "Acme", "Shoes > Running", 2, "333.14"),
                        line("7891000000014", "3267", "Meia", "Acme", "Socks", 1, "19.90"),
                        line("7891000000021", "3268", "Boné", "Zeta", "Caps", 1, "49.00")))
                .append("fulfillments", List.of(
                        new Document("_id", "ful-42-1").append("storeId", "LJ001").append("status", "ACCEPTED")
                                .append("lines", List.of(held("7891000000007", 1, 1, "333.14"))),
                        new Document("_id", "ful-42-2").append("storeId", "LJ002").append("status", "IN_TRANSIT")
                                .append("carrier", "omnihub").append("trackingCode", "OMNI473124829")
                                .append("lines", List.of(held("7891000000007", 1, 0, "333.14"),
                                        held("7891000000014", 1, 0, "19.90")))));
    }

    static Document line(String ean, String reference, String name, String brand, String category, long quantity,
            String price) {
        return new Document("ean", ean).append("reference", reference).append("name", name).append("brand", brand)
                .append("category", category).append("quantity", quantity)
                .append("unitPrice", new Decimal128(new BigDecimal(price)));
    }

    static Document held(String ean, long quantity, long rejected, String price) {
        return new Document("ean", ean).append("assigned", quantity + rejected).append("quantity", quantity)
                .append("rejected", rejected).append("returned", 0L).append("unitPrice", price);
    }

    @Test
    void exportsEachStoresLinesAndTheLinesNobodyHolds() {
        List<ExportRow> rows = ExportRow.of(order(), OrderFilterTests.OPERATOR);

        assertThat(rows).extracting(ExportRow::fulfillmentId, ExportRow::storeId, ExportRow::ean,
                ExportRow::quantity, ExportRow::rejected)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("ful-42-1", "LJ001", "7891000000007", 1L, 1L),
                        org.assertj.core.groups.Tuple.tuple("ful-42-2", "LJ002", "7891000000007", 1L, 0L),
                        org.assertj.core.groups.Tuple.tuple("ful-42-2", "LJ002", "7891000000014", 1L, 0L),
                        org.assertj.core.groups.Tuple.tuple(null, null, "7891000000021", 1L, 0L));
        ExportRow shipped = rows.get(2);
        assertThat(shipped.reference()).isEqualTo("3267");
        assertThat(shipped.brand()).isEqualTo("Acme");
        assertThat(shipped.trackingCode()).isEqualTo("OMNI473124829");
        assertThat(shipped.total()).isEqualByComparingTo("19.90");
        assertThat(rows.get(3).total()).isEqualByComparingTo("49.00");
    }

    @Test
    void anUnfinishedWorkbookSendsNothing() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        try (RowWriter xlsx = new XlsxExport(out)) {
            xlsx.header(ExportRow.HEADERS);
            ExportRow.of(order(), OrderFilterTests.OPERATOR).forEach(row -> xlsx.row(row.cells()));
        }

        assertThat(out.size()).isZero();
    }

    @Test
    void aStoreKeyExportsOnlyItsOwnLines() {
        List<ExportRow> rows = ExportRow.of(order(), OrderFilterTests.STORE_LJ001);

        assertThat(rows).extracting(ExportRow::storeId).containsExactly("LJ001");
    }

    @Test
    void csvKeepsFormulasAsTextAndQuotesCommas() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        try (RowWriter csv = new CsvExport(out)) {
            csv.header(ExportRow.HEADERS);
            ExportRow.of(order(), OrderFilterTests.OPERATOR).forEach(row -> csv.row(row.cells()));
            csv.finish();
        }

        String[] lines = out.toString(StandardCharsets.UTF_8).split("\r\n");
        assertThat(lines).hasSize(5);
        assertThat(lines[0]).startsWith("orderId,channelOrderId,siteId,");
        assertThat(lines[1]).startsWith("ord-42,ECOM-1001,site-1,SHIP_FROM_STORE,ACCEPTED,2026-11-29T10:00:00Z,"
                + "'=cmd|' /C calc'!A0,ful-42-1,LJ001,ACCEPTED,,,7891000000007,3266,\"Tênis, Corrida\",Acme,");
        assertThat(lines[1]).endsWith(",1,1,0,333.14,333.14");
    }

    @Test
    void xlsxHasOneRowPerLineWithNumbersAsNumbersAndFormulasAsText() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        try (RowWriter xlsx = new XlsxExport(out)) {
            xlsx.header(ExportRow.HEADERS);
            for (int i = 0; i < 60; i++) {
                ExportRow.of(order(), OrderFilterTests.OPERATOR).forEach(row -> xlsx.row(row.cells()));
            }
            xlsx.finish();
        }

        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            Sheet sheet = workbook.getSheet("orders");
            assertThat(sheet.getLastRowNum()).isEqualTo(240);
            Row header = sheet.getRow(0);
            assertThat(header.getCell(0).getStringCellValue()).isEqualTo("orderId");
            Row first = sheet.getRow(1);
            int customer = ExportRow.HEADERS.indexOf("customer");
            assertThat(first.getCell(customer).getCellType()).isEqualTo(CellType.STRING);
            assertThat(first.getCell(customer).getStringCellValue()).isEqualTo("=cmd|' /C calc'!A0");
            int total = ExportRow.HEADERS.indexOf("total");
            assertThat(first.getCell(total).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(first.getCell(total).getNumericCellValue()).isEqualTo(333.14);
            Row last = sheet.getRow(240);
            assertThat(last.getCell(ExportRow.HEADERS.indexOf("ean")).getStringCellValue())
                    .isEqualTo("7891000000021");
        }
    }
}
