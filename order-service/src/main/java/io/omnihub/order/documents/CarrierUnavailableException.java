package io.omnihub.order.documents;

/**
 * The carrier could not give a label: {@code circuitOpen} when omnihub stopped asking for a while after repeated
 * failures (503), otherwise the carrier failed or answered nonsense (502).
 */
class CarrierUnavailableException extends RuntimeException {

    private final boolean circuitOpen;

    CarrierUnavailableException(String message, boolean circuitOpen, Throwable cause) {
        super(message, cause);
        this.circuitOpen = circuitOpen;
    }

    boolean circuitOpen() {
        return circuitOpen;
    }
}
