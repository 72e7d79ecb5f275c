package io.omnihub.ingest.categories;

import io.omnihub.contracts.Topics;
import io.omnihub.contracts.catalog.CategoryImported;
import io.omnihub.ingest.imports.Acknowledgements;
import io.omnihub.ingest.imports.ImportJob;
import io.omnihub.ingest.imports.ImportKind;
import io.omnihub.ingest.imports.ImportOutcome;
import io.omnihub.ingest.imports.Importer;
import io.omnihub.ingest.imports.PartlyImportedException;
import io.omnihub.ingest.imports.RowError;
import io.omnihub.ingest.sheet.FileFormat;
import io.omnihub.ingest.sheet.JsonItems;
import io.omnihub.ingest.sheet.Sheets;
import io.omnihub.ingest.sheet.UnreadableFileException;
import io.omnihub.platform.kafka.EventPublisher;
import java.io.InputStream;
import java.util.Set;
import java.time.Duration;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Categories: one column of an Excel sheet (a first row "category"/"categoria" is a header), or a JSON
 * array of paths (bare or under {@code items}). Every good row becomes a {@link CategoryImported} event.
 */
@Component
class CategoryImporter implements Importer {

    static final String COLUMN = "category";
    private static final Duration PUBLISH_TIMEOUT = Duration.ofSeconds(60);

    private final EventPublisher publisher;
    private final JsonMapper json;

    CategoryImporter(EventPublisher publisher, JsonMapper json) {
        this.publisher = publisher;
        this.json = json;
    }

    @Override
    public Set<ImportKind> kinds() {
        return Set.of(ImportKind.CATEGORIES);
    }

    @Override
    public ImportOutcome run(ImportJob job, InputStream content) {
        var in = FileFormat.buffered(content);
        var run = new Run(job.id());
        FileFormat format = FileFormat.sniff(in);
        try {
            switch (format) {
                case XLSX, XLS -> Sheets.read(in, format, row -> {
                    if (!row.isBlank()) {
                        run.row(row.number(), row.cell(0));
                    }
                });
                case JSON -> readJson(in, run);
                default -> throw FileFormat.unknown(in);
            }
        } catch (UnreadableFileException e) {
            throw run.brokenAfterRows(e, "");
        }
        return run.finish();
    }

    private void readJson(InputStream in, Run run) {
        JsonItems.read(json, in, (item, position) -> {
            JsonNode path = item.isObject() ? firstPresent(item, "path", "category", "name") : item;
            if (path != null && path.isString() && !path.asString().isBlank()) {
                run.row(position, path.asString());
            } else {
                run.outcome.rejected(new RowError(position, "path", item.toString(), "a category path (text) is required"));
            }
        });
    }

    private static JsonNode firstPresent(JsonNode item, String... names) {
        for (String name : names) {
            if (item.has(name)) {
                return item.get(name);
            }
        }
        return null;
    }

    /** The state of one file being read. */
    private final class Run {

        private final String importId;
        private final ImportOutcome outcome = new ImportOutcome();
        private final Acknowledgements acknowledgements = new Acknowledgements();
        private boolean first = true;

        Run(String importId) {
            this.importId = importId;
        }

        void row(long number, String cell) {
            boolean header = first && CategoryPaths.isHeader(cell);
            first = false;
            if (header) {
                return;
            }
            var parsed = CategoryPaths.parse(cell);
            if (!parsed.valid()) {
                outcome.rejected(new RowError(number, COLUMN, cell, parsed.error()));
                return;
            }
            var event = new CategoryImported(parsed.segments(), importId, number);
            try {
                acknowledgements.track(publisher.publish(Topics.CATALOG_CATEGORIES, event.path(),
                        importId + ":" + number, event));
            } catch (RuntimeException e) {
                throw new Sheets.RowHandlingException("cannot publish row " + number, e);
            }
            outcome.accepted();
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
                throw new UnreadableFileException("the file has no categories (only a header, blank rows or an empty list)");
            }
            acknowledgements.awaitAll(PUBLISH_TIMEOUT);
            return outcome;
        }
    }
}
