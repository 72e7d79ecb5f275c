package io.omnihub.order.reports;

import io.omnihub.contracts.identity.Identity;
import io.omnihub.platform.security.StoreScope;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Order reports, for every key, each seeing the orders of the stores it covers (all stores: every order,
 * including those not routed yet). Filters: {@code from}, {@code to}, {@code siteId}, {@code storeId},
 * {@code status}, {@code reference}, {@code brand}, {@code category}.
 * <ul>
 * <li>{@code GET /api/v1/orders?page=0&size=50}: newest first, with totals;</li>
 * <li>{@code GET /api/v1/orders/summary}: counts, units and value by status, day and store;</li>
 * <li>{@code GET /api/v1/orders/export?format=xlsx|csv}: every selected line, streamed.</li>
 * </ul>
 */
@RestController
@RequestMapping("/api/v1/orders")
class OrderReportController {

    static final int MAX_PAGE_SIZE = 500;
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
            .withZone(ZoneOffset.UTC);

    private final OrderReportRepository reports;
    private final Clock clock = Clock.systemUTC();

    OrderReportController(OrderReportRepository reports) {
        this.reports = reports;
    }

    @GetMapping
    OrderPage list(Identity identity, @RequestParam Map<String, String> parameters,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
            throw new InvalidFilterException(List.of(new InvalidFilterException.FieldError("size",
                    "page must be 0 or more and size between 1 and " + MAX_PAGE_SIZE)));
        }
        return reports.page(filter(identity, parameters), identity, page, size);
    }

    @GetMapping("/summary")
    OrderSummary summary(Identity identity, @RequestParam Map<String, String> parameters) {
        return reports.summary(filter(identity, parameters), identity);
    }

    @GetMapping("/export")
    void export(Identity identity, @RequestParam Map<String, String> parameters,
            @RequestParam(defaultValue = "xlsx") String format, HttpServletResponse response) throws IOException {
        String wanted = format.toLowerCase(Locale.ROOT);
        if (!wanted.equals("xlsx") && !wanted.equals("csv")) {
            throw new InvalidFilterException(List.of(
                    new InvalidFilterException.FieldError("format", "'" + format + "' is not xlsx or csv")));
        }
        OrderFilter filter = filter(identity, parameters);
        response.setStatus(HttpStatus.OK.value());
        response.setContentType(wanted.equals("csv") ? "text/csv;charset=UTF-8" : XLSX);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename("orders-" + FILE_TIME.format(clock.instant()) + "." + wanted).build().toString());
        try (RowWriter rows = wanted.equals("csv") ? new CsvExport(response.getOutputStream())
                : new XlsxExport(response.getOutputStream())) {
            rows.header(ExportRow.HEADERS);
            reports.forEach(filter, identity, order -> ExportRow.of(order, identity)
                    .forEach(row -> rows.row(row.cells())));
            rows.finish();
        }
    }

    private static OrderFilter filter(Identity identity, Map<String, String> parameters) {
        OrderFilter filter = OrderFilter.parse(parameters);
        if (filter.storeId() != null) {
            StoreScope.requireStore(identity, filter.storeId());
        }
        return filter;
    }
}
