package io.omnihub.ingest.imports;

import io.omnihub.contracts.Buckets;
import io.omnihub.ingest.storage.ObjectStore;
import io.omnihub.ingest.storage.StoredObject;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** The per-row error report of an import, as CSV and JSON in {@code omnihub-reports/<import id>/}. */
@Component
public class ImportReports {

    private final ObjectStore store;
    private final JsonMapper json;

    ImportReports(ObjectStore store, JsonMapper json) {
        this.store = store;
        this.json = json;
    }

    /** Writes both reports and answers the key prefix they share, or null when there is no error. */
    public String write(String importId, List<RowError> errors) {
        if (errors.isEmpty()) {
            return null;
        }
        String prefix = importId + "/errors";
        store.put(Buckets.REPORTS, prefix + ".csv", csv(errors).getBytes(StandardCharsets.UTF_8), "text/csv");
        store.put(Buckets.REPORTS, prefix + ".json", json.writeValueAsBytes(errors), "application/json");
        return prefix;
    }

    Optional<InputStream> open(ImportJob job, String extension) {
        if (job.reportKey() == null) {
            return Optional.empty();
        }
        return store.stat(Buckets.REPORTS, job.reportKey() + "." + extension).map(store::open);
    }

    static String csv(List<RowError> errors) {
        var csv = new StringBuilder("row,column,value,reason\n");
        for (RowError error : errors) {
            csv.append(error.row()).append(',').append(field(error.column())).append(',')
                    .append(field(error.value())).append(',').append(field(error.reason())).append('\n');
        }
        return csv.toString();
    }

    private static String field(String value) {
        if (value == null) {
            return "";
        }
        // a leading =, +, - or @ would be run as a formula by a spreadsheet opening the report
        String safe = !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        return '"' + safe.replace("\"", "\"\"") + '"';
    }
}
