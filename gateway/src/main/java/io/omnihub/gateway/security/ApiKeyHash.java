package io.omnihub.gateway.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The SHA-256 of an API key, lower-case hex: what the keys file holds instead of the key. */
public final class ApiKeyHash {

    private ApiKeyHash() {
    }

    public static String of(String apiKey) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(apiKey.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** Prints the hash of each key given: {@code java -cp gateway.jar ... ApiKeyHash <key>...}. */
    public static void main(String[] keys) {
        for (String key : keys) {
            System.out.println(of(key));
        }
    }
}
