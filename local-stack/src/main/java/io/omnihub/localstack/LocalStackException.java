package io.omnihub.localstack;

/** A part of the local stack could not be started or stopped; the message says which one and what to do. */
public class LocalStackException extends RuntimeException {

    public LocalStackException(String message) {
        super(message);
    }

    public LocalStackException(String message, Throwable cause) {
        super(message, cause);
    }
}
