package io.omnihub.gateway.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The SHA-256 of an API key, lower-case hex: what the keys file holds instead of the key. */
public final class ApiKeyHash {

    private static final HexFormat HEX = HexFormat.of();

    // one digest per thread (the gateway's event loops): the provider lookup of getInstance cost more than the hash
    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(ApiKeyHash::sha256);

    private ApiKeyHash() {
    }

    public static String of(String apiKey) {
        // digest() resets the instance, so the next key on this thread starts clean
        return HEX.formatHex(SHA_256.get().digest(apiKey.getBytes(StandardCharsets.UTF_8)));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
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
