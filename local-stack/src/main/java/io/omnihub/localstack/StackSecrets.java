package io.omnihub.localstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;

/**
 * What a stack home keeps so that it survives {@code down} and {@code up}: the identity secret the gateway signs
 * with and the services verify (made once, random, readable by its owner only), and the gateway's API keys file
 * (the dev keys, copied once so that a developer can edit it while the gateway runs).
 */
final class StackSecrets {

    static final String IDENTITY_SECRET_FILE = "identity-secret";
    static final String API_KEYS_FILE = "api-keys.yml";
    static final String DEV_API_KEYS_RESOURCE = "/dev-api-keys.yml";

    private StackSecrets() {
    }

    /** The stack's identity secret, made on first use: 32 random bytes, base64url (43 characters). */
    static String identitySecret(Path home) {
        Path file = home.resolve(IDENTITY_SECRET_FILE);
        try {
            if (!Files.exists(file)) {
                byte[] random = new byte[32];
                new SecureRandom().nextBytes(random);
                createPrivate(file, Base64.getUrlEncoder().withoutPadding().encodeToString(random));
            }
            String secret = Files.readString(file, StandardCharsets.UTF_8).trim();
            if (secret.length() < 32) {
                throw new LocalStackException(file + " holds no usable identity secret (at least 32 characters); "
                        + "delete it and run ./omni up again (every part must then be restarted)");
            }
            return secret;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The gateway's keys file of this stack, the dev keys copied there the first time. */
    static Path apiKeysFile(Path home) {
        Path file = home.resolve(API_KEYS_FILE);
        if (Files.exists(file)) {
            return file;
        }
        try (InputStream devKeys = StackSecrets.class.getResourceAsStream(DEV_API_KEYS_RESOURCE)) {
            if (devKeys == null) {
                throw new LocalStackException(DEV_API_KEYS_RESOURCE + " is missing from local-stack's classes: "
                        + "build first with ./mvnw -DskipTests install -pl local-stack");
            }
            createPrivate(file, new String(devKeys.readAllBytes(), StandardCharsets.UTF_8));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void createPrivate(Path file, String content) throws IOException {
        Files.createDirectories(file.getParent());
        Path temporary = file.resolveSibling(file.getFileName() + ".new");
        Files.deleteIfExists(temporary);
        if (Files.getFileStore(file.getParent()).supportsFileAttributeView("posix")) {
            Files.createFile(temporary, PosixFilePermissions.asFileAttribute(Set.copyOf(
                    PosixFilePermissions.fromString("rw-------"))));
        } else {
            Files.createFile(temporary);
        }
        Files.writeString(temporary, content, StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
        try {
            // two launchers at once: the first file wins, both then read the same one
            Files.move(temporary, file);
        } catch (FileAlreadyExistsException raced) {
            Files.deleteIfExists(temporary);
        }
    }
}
