package io.omnihub.inventory.reconciliation;

import io.omnihub.contracts.identity.Identity;
import io.omnihub.platform.security.StoreScope;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code GET /api/v1/stores/{storeId}/stock/drift} (the store's latest report, its pairs paged) and
 * {@code GET /api/v1/stock/snapshots/{snapshotId}/drift} (a snapshot's totals per store).
 */
@RestController
@RequestMapping("/api/v1")
class DriftController {

    private static final String STORE_ID = "[A-Za-z0-9._-]{1,32}";
    private static final String SNAPSHOT_ID = "[A-Za-z0-9._:-]{1,128}";

    private final DriftService drift;

    DriftController(DriftService drift) {
        this.drift = drift;
    }

    @GetMapping("/stores/{storeId}/stock/drift")
    StoreDriftResponse ofStore(@PathVariable @Pattern(regexp = STORE_ID, message = "must be 1-32 letters, digits, . _ -")
            String storeId, @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int size, Identity identity) {
        StoreScope.requireStore(identity, storeId);
        return drift.latestOf(storeId, page, size).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                "No full snapshot has been reconciled for store " + storeId));
    }

    /** The stores of the snapshot the caller covers; 404 when it has none of them (or no such report exists). */
    @GetMapping("/stock/snapshots/{snapshotId}/drift")
    SnapshotDriftResponse ofSnapshot(@PathVariable @Pattern(regexp = SNAPSHOT_ID, message = "must be 1-128 letters, "
            + "digits, . _ : -") String snapshotId, Identity identity) {
        List<DriftReport> reports = drift.ofSnapshot(snapshotId).stream()
                .filter(report -> identity.covers(report.storeId())).toList();
        if (reports.isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No drift report of snapshot " + snapshotId
                    + " for the stores this key covers");
        }
        return new SnapshotDriftResponse(snapshotId, reports.get(0).asOf(),
                reports.stream().map(SnapshotDriftResponse.Store::of).toList());
    }
}
