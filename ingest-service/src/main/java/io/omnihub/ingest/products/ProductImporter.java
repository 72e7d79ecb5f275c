package io.omnihub.ingest.products;

import io.omnihub.contracts.Topics;
import io.omnihub.contracts.inventory.StockLevelReported;
import io.omnihub.ingest.imports.Acknowledgements;
import io.omnihub.ingest.imports.ImportJob;
import io.omnihub.ingest.imports.ImportKind;
import io.omnihub.ingest.imports.ImportOutcome;
import io.omnihub.ingest.imports.Importer;
import io.omnihub.ingest.imports.PartlyImportedException;
import io.omnihub.ingest.imports.RowError;
import io.omnihub.ingest.sheet.FileFormat;
import io.omnihub.ingest.sheet.HeaderRow;
import io.omnihub.ingest.sheet.JsonItems;
import io.omnihub.ingest.sheet.SheetRow;
import io.omnihub.ingest.sheet.Sheets;
import io.omnihub.ingest.sheet.UnreadableFileException;
import io.omnihub.ingest.stock.RidingStock;
import io.omnihub.platform.kafka.EventPublisher;
import java.io.InputStream;
import java.util.Set;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Products from Excel ({@code .xlsx} streamed, legacy {@code .xls}) or JSON: columns found by header name,
 * unknown columns kept as attributes, every row validated on its own; each good row becomes a
 * {@code ProductUpserted} on {@code catalog.products}, keyed by reference. A row that also names a store and a
 * quantity carries that store's stock of the product: a partial {@code StockLevelReported} on
 * {@code inventory.stock-updates}, as of the file's receipt.
 */
@Component
class ProductImporter implements Importer {

    private static final Duration PUBLISH_TIMEOUT = Duration.ofMinutes(5);

    private final EventPublisher publisher;
    private final JsonMapper json;

    ProductImporter(EventPublisher publisher, JsonMapper json) {
        this.publisher = publisher;
        this.json = json;
    }

    @Override
    public Set<ImportKind> kinds() {
        return Set.of(ImportKind.PRODUCTS);
    }

    @Override
    public ImportOutcome run(ImportJob job, InputStream content) {
        var in = FileFormat.buffered(content);
        var run = new Run(job);
        FileFormat format = FileFormat.sniff(in);
        try {
            switch (format) {
                case XLSX, XLS -> {
                    @SuppressWarnings("unchecked")
                    HeaderRow<ProductField>[] header = new HeaderRow[1];
                    Sheets.read(in, format, row -> {
                        if (row.isBlank()) {
                            return;
                        }
                        if (header[0] == null) {
                            header[0] = HeaderRow.of(ProductField.class, row);
                        } else {
                            run.row(new ProductRow(row.number(), header[0].values(row), List.of(), header[0].others(row)));
                        }
                    });
                    if (header[0] == null) {
                        throw new UnreadableFileException("the file is empty: no header row");
                    }
                }
                case JSON -> JsonItems.read(json, in, (item, position) -> run.item(item, position));
                default -> throw FileFormat.unknown(in);
            }
        } catch (UnreadableFileException e) {
            throw run.brokenAfterRows(e, "");
        }
        return run.finish();
    }

    /** The state of one file being read. */
    private final class Run {

        private final ImportJob job;
        private final ImportOutcome outcome = new ImportOutcome();
        private final Acknowledgements acknowledgements = new Acknowledgements();

        Run(ImportJob job) {
            this.job = job;
        }

        void row(ProductRow row) {
            if (row.isBlank()) {
                return;
            }
            var result = ProductValidation.validate(row, job.id(), job.receivedAt());
            RidingStock.Result stock = stockOf(row);
            if (result.event() == null || (stock != null && stock.event() == null)) {
                List<RowError> errors = new ArrayList<>(result.errors());
                if (stock != null) {
                    errors.addAll(stock.errors());
                }
                outcome.rejected(errors);
                return;
            }
            try {
                acknowledgements.track(publisher.publish(Topics.CATALOG_PRODUCTS, result.event().reference(),
                        job.id() + ":" + row.number(), result.event()));
                if (stock != null) {
                    var level = stock.event();
                    acknowledgements.track(publisher.publish(Topics.INVENTORY_STOCK_UPDATES,
                            StockLevelReported.key(level.storeId(), level.ean()),
                            job.id() + ":" + row.number() + ":stock", level));
                }
            } catch (RuntimeException e) {
                throw new Sheets.RowHandlingException("cannot publish row " + row.number(), e);
            }
            outcome.accepted();
        }

        /** The stock figure riding in the row, checked; null when the row carries none. */
        private RidingStock.Result stockOf(ProductRow row) {
            String store = row.value(ProductField.STORE);
            String quantity = row.value(ProductField.QUANTITY);
            if (!RidingStock.present(store, quantity)) {
                return null;
            }
            return RidingStock.check(row.number(), row.value(ProductField.EAN), store, quantity, job.id(),
                    job.receivedAt(), ProductField.STORE.column(), ProductField.QUANTITY.column());
        }

        void item(JsonNode item, int position) {
            if (!item.isObject()) {
                outcome.rejected(new RowError(position, "item", clip(item.toString()), "each item must be an object"));
                return;
            }
            Map<ProductField, String> values = new EnumMap<>(ProductField.class);
            List<String> photoUrls = new ArrayList<>();
            Map<String, String> attributes = new LinkedHashMap<>();
            for (var property : item.properties()) {
                String name = property.getKey();
                JsonNode value = property.getValue();
                if (name.equals("attributes") && value.isObject()) {
                    value.properties().forEach(attribute -> attributes.put(attribute.getKey(), text(attribute.getValue())));
                } else if (name.equals(ProductField.PHOTO_URLS.jsonName()) && value.isArray()) {
                    value.forEach(url -> photoUrls.add(text(url)));
                } else {
                    HeaderRow.byJsonName(ProductField.class, name).ifPresentOrElse(field -> values.put(field, text(value)),
                            () -> attributes.put(name, text(value)));
                }
            }
            row(new ProductRow(position, values, photoUrls, attributes));
        }

        /** A break after rows were published: those rows stay imported (their events are acknowledged first). */
        UnreadableFileException brokenAfterRows(UnreadableFileException e, String consequence) {
            if (outcome.rowsRead() == 0) {
                return e;
            }
            acknowledgements.awaitAll(PUBLISH_TIMEOUT);
            return new PartlyImportedException(e, outcome, consequence);
        }

        ImportOutcome finish() {
            if (outcome.rowsRead() == 0) {
                throw new UnreadableFileException("the file has no product rows (only a header, blank rows or an empty list)");
            }
            acknowledgements.awaitAll(PUBLISH_TIMEOUT);
            return outcome;
        }
    }

    private static String text(JsonNode value) {
        if (value == null || value.isNull()) {
            return "";
        }
        return value.isValueNode() ? value.asString() : value.toString();
    }

    private static String clip(String value) {
        return value.length() <= 200 ? value : value.substring(0, 200) + "…";
    }
}
