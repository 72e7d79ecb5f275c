package io.omnihub.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApiKeyRegistryTests {

    @TempDir
    Path dir;

    @Test
    void picksUpARotatedKeyFromTheFileWithoutARestart() throws Exception {
        Path file = dir.resolve("api-keys.yml");
        Files.writeString(file, keys("erp", "old-key"));
        try (ApiKeyRegistry registry = new ApiKeyRegistry(properties(file, null, Duration.ofMillis(100)))) {
            assertThat(registry.identityOf("old-key")).isPresent();

            Files.writeString(file, keys("erp", "new-key"));

            await().atMost(Duration.ofSeconds(10)).until(() -> registry.identityOf("new-key").isPresent());
            assertThat(registry.identityOf("old-key")).as("revoked by the rotation").isEmpty();
        }
    }

    @Test
    void keepsTheKeysInForceWhenTheFileTurnsInvalid() throws Exception {
        Path file = dir.resolve("api-keys.yml");
        Files.writeString(file, keys("erp", "key-1"));
        try (ApiKeyRegistry registry = new ApiKeyRegistry(properties(file, null, Duration.ofHours(1)))) {
            Files.writeString(file, "keys: [ {client: broken} ]");

            assertThat(registry.reloadIfChanged()).isFalse();
            assertThat(registry.identityOf("key-1")).isPresent();

            Files.writeString(file, keys("erp", "key-2"));
            assertThat(registry.reloadIfChanged()).isTrue();
            assertThat(registry.identityOf("key-2")).isPresent();
        }
    }

    @Test
    void addsTheInlineKeysToTheFilesKeys() throws Exception {
        Path file = dir.resolve("api-keys.yml");
        Files.writeString(file, keys("erp", "file-key"));
        try (ApiKeyRegistry registry = new ApiKeyRegistry(properties(file, keys("ops", "inline-key"),
                Duration.ofHours(1)))) {
            assertThat(registry.identityOf("file-key")).hasValueSatisfying(id -> assertThat(id.client())
                    .isEqualTo("erp"));
            assertThat(registry.identityOf("inline-key")).hasValueSatisfying(id -> assertThat(id.client())
                    .isEqualTo("ops"));
        }
    }

    @Test
    void refusesToStartWithAMissingOrBrokenKeysFile() throws Exception {
        assertThatThrownBy(() -> new ApiKeyRegistry(properties(dir.resolve("missing.yml"), null, Duration.ofSeconds(1))))
                .hasMessageContaining("cannot read the API keys file");
        Path broken = Files.writeString(dir.resolve("broken.yml"), "keys: [ {client: x} ]");
        assertThatThrownBy(() -> new ApiKeyRegistry(properties(broken, null, Duration.ofSeconds(1))))
                .hasMessageContaining("broken.yml").hasMessageContaining("keys[0] (x)");
    }

    @Test
    void startsWithNoKeysWhenNoneAreConfigured() {
        try (ApiKeyRegistry registry = new ApiKeyRegistry(new SecurityProperties(null, "", "", Duration.ofSeconds(1),
                Duration.ofSeconds(60)))) {
            assertThat(registry.identityOf("anything")).isEmpty();
        }
    }

    private static SecurityProperties properties(Path file, String inline, Duration reload) {
        return new SecurityProperties(null, file.toString(), inline, reload, Duration.ofSeconds(60));
    }

    private static String keys(String client, String key) {
        return "keys:\n  - client: %s\n    sha256: %s\n    roles: [ERP]\n    stores: ['*']\n".formatted(client,
                ApiKeyHash.of(key));
    }
}
