package io.omnihub.ingest.imports;

import java.util.List;
import java.util.Optional;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.http.HttpStatus;

/** Import jobs for operators: state, counters, first errors and the full error report. */
@RestController
@RequestMapping("/api/v1/imports")
class ImportController {

    private static final int MAX_PAGE_SIZE = 200;

    private final ImportJobs jobs;
    private final ImportReports reports;

    ImportController(ImportJobs jobs, ImportReports reports) {
        this.jobs = jobs;
        this.reports = reports;
    }

    @GetMapping
    List<ImportResponse> list(@RequestParam Optional<ImportKind> kind, @RequestParam Optional<ImportState> state,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        return jobs.page(kind, state, Math.max(page, 0), Math.min(Math.max(size, 1), MAX_PAGE_SIZE)).stream()
                .map(ImportResponse::of).toList();
    }

    @GetMapping("/{id}")
    ImportResponse one(@PathVariable String id) {
        return ImportResponse.of(job(id));
    }

    @GetMapping("/{id}/report.csv")
    ResponseEntity<InputStreamResource> csvReport(@PathVariable String id) {
        return report(id, "csv", new MediaType("text", "csv"));
    }

    @GetMapping("/{id}/report.json")
    ResponseEntity<InputStreamResource> jsonReport(@PathVariable String id) {
        return report(id, "json", MediaType.APPLICATION_JSON);
    }

    private ResponseEntity<InputStreamResource> report(String id, String extension, MediaType type) {
        return reports.open(job(id), extension)
                .map(in -> ResponseEntity.ok().contentType(type).body(new InputStreamResource(in)))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "import " + id + " has no error report"));
    }

    private ImportJob job(String id) {
        return jobs.byId(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no import " + id));
    }
}
