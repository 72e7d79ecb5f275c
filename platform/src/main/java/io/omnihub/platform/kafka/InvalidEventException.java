package io.omnihub.platform.kafka;

/** A record that can never be processed, whatever the retries: it goes straight to {@code -dlt}. */
public class InvalidEventException extends RuntimeException {

    public InvalidEventException(String message) {
        super(message);
    }
}
