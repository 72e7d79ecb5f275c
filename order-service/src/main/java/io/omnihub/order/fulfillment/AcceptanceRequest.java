package io.omnihub.order.fulfillment;

import io.omnihub.order.model.Acceptance;
import io.omnihub.order.model.RejectReason;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.util.List;

/**
 * {@code {"decision": "ACCEPT_ALL"}}, {@code {"decision": "REJECT_ALL", "reason": "NO_CAPACITY"}} or
 * {@code {"decision": "PARTIAL", "lines": [{"ean", "acceptedQuantity", "rejectedQuantity", "reason"}]}}.
 */
record AcceptanceRequest(@NotNull Acceptance.Decision decision, RejectReason reason, List<@NotNull @Valid Line> lines) {

    record Line(@NotBlank String ean, @NotNull @Min(0) Long acceptedQuantity, @NotNull @Min(0) Long rejectedQuantity,
            RejectReason reason) {
    }
}
