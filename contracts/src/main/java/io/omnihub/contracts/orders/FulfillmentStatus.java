package io.omnihub.contracts.orders;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The status of a fulfilment; stores may send the number or the name. */
public enum FulfillmentStatus {
    CREATED(0), ASSIGNED(1), ACCEPTED(2), IN_TRANSIT(3), DELIVERED(4), READY_FOR_PICKUP(5), RETURNED(6),
    CANCELLED(7), REJECTED(8);

    private final int code;

    FulfillmentStatus(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** {@code "3"}, {@code "IN_TRANSIT"} and {@code "in transit"} all give {@link #IN_TRANSIT}. */
    public static Optional<FulfillmentStatus> parse(String codeOrName) {
        if (codeOrName == null) {
            return Optional.empty();
        }
        String given = codeOrName.trim().toUpperCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
        return Arrays.stream(values())
                .filter(status -> status.name().equals(given) || String.valueOf(status.code).equals(given))
                .findFirst();
    }
}
