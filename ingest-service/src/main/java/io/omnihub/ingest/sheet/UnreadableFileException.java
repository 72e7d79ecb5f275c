package io.omnihub.ingest.sheet;

/** The file as a whole cannot be read (not a spreadsheet, corrupt, too large when unpacked...). */
public class UnreadableFileException extends RuntimeException {

    public UnreadableFileException(String message) {
        super(message);
    }

    public UnreadableFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
