package io.omnihub.order.documents;

import java.util.Arrays;
import java.util.Optional;

/** The kinds of file a proof of delivery may be, recognised by their first bytes rather than by what a client claims. */
enum DocumentType {
    JPEG("image/jpeg", "jpg", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}),
    PNG("image/png", "png", new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'}),
    PDF("application/pdf", "pdf", new byte[] {'%', 'P', 'D', 'F', '-'});

    /** Enough bytes to tell every type apart. */
    static final int SIGNATURE_LENGTH = 8;

    private final String mediaType;
    private final String extension;
    private final byte[] signature;

    DocumentType(String mediaType, String extension, byte[] signature) {
        this.mediaType = mediaType;
        this.extension = extension;
        this.signature = signature;
    }

    String mediaType() {
        return mediaType;
    }

    String extension() {
        return extension;
    }

    /** The type whose signature starts {@code head}; empty for anything else (HTML, a renamed executable, …). */
    static Optional<DocumentType> sniff(byte[] head) {
        return Arrays.stream(values()).filter(type -> type.startsOf(head)).findFirst();
    }

    /** The type a Content-Type header names, parameters ignored; empty when it is none of ours. */
    static Optional<DocumentType> declared(String contentType) {
        if (contentType == null) {
            return Optional.empty();
        }
        String bare = contentType.split(";", 2)[0].trim();
        return Arrays.stream(values()).filter(type -> type.mediaType.equalsIgnoreCase(bare)).findFirst();
    }

    private boolean startsOf(byte[] head) {
        if (head.length < signature.length) {
            return false;
        }
        for (int i = 0; i < signature.length; i++) {
            if (head[i] != signature[i]) {
                return false;
            }
        }
        return true;
    }
}
