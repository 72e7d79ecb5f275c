package io.omnihub.order.fulfillment;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** {@code {"status": 3 | "IN_TRANSIT", "carrier": "…", "trackingCode": "…"}}. */
record StatusRequest(@NotNull Object status, @Size(max = 100) String carrier, @Size(max = 100) String trackingCode) {
}
