package io.omnihub.gateway.security;

import io.omnihub.contracts.identity.Identity;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The keys in force: the keys file (re-read in the background when its content changes, so a key is added,
 * rotated or revoked without a restart) plus the keys given inline. A file that turns invalid is logged and
 * ignored: the keys read last stay in force.
 */
class ApiKeyRegistry implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ApiKeyRegistry.class);

    private final Path file;
    private final ApiKeys inline;
    private volatile ApiKeys keys;
    private volatile String fileContent;
    private final ScheduledExecutorService reloader;

    ApiKeyRegistry(SecurityProperties properties) {
        this.file = properties.keysFile().orElse(null);
        this.inline = properties.apiKeys() == null || properties.apiKeys().isBlank() ? ApiKeys.NONE
                : parse(properties.apiKeys(), "omnihub.gateway.security.api-keys");
        if (file != null) {
            // a missing or broken file at start is a configuration error: refuse to start rather than lock everyone out
            fileContent = read(file);
            keys = merge(parse(fileContent, file.toString()));
            reloader = Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "api-keys-reload");
                thread.setDaemon(true);
                return thread;
            });
            long every = Math.max(100, properties.reloadInterval().toMillis());
            reloader.scheduleWithFixedDelay(this::reloadIfChanged, every, every, TimeUnit.MILLISECONDS);
        } else {
            keys = inline;
            reloader = null;
        }
        log.info("{} API keys loaded ({} from {}, {} inline)", keys.size(), keys.size() - inline.size(),
                file == null ? "no file" : file, inline.size());
        if (keys.size() == 0) {
            log.warn("no API keys configured (omnihub.gateway.security.api-keys-file / OMNIHUB_API_KEYS_FILE): "
                    + "every /api request is refused with 401");
        }
    }

    Optional<Identity> identityOf(String apiKey) {
        return keys.identityOf(apiKey);
    }

    /** Reads the file again now; returns whether the keys changed. */
    boolean reloadIfChanged() {
        try {
            String content = read(file);
            if (content.equals(fileContent)) {
                return false;
            }
            ApiKeys reloaded = merge(parse(content, file.toString()));
            fileContent = content;
            keys = reloaded;
            log.info("API keys reloaded from {}: {} keys in force", file, reloaded.size());
            return true;
        } catch (RuntimeException e) {
            log.error("API keys file {} not reloaded, the previous {} keys stay in force: {}", file, keys.size(),
                    e.getMessage());
            return false;
        }
    }

    private ApiKeys merge(ApiKeys fromFile) {
        Map<String, Identity> merged = new HashMap<>(fromFile.byHash());
        merged.putAll(inline.byHash());
        return new ApiKeys(merged);
    }

    private static ApiKeys parse(String yaml, String source) {
        try {
            return ApiKeys.parse(yaml);
        } catch (IllegalArgumentException e) {
            // the message names the entry and the field, never a key (the file holds none)
            throw new IllegalStateException("API keys of " + source + ": " + e.getMessage(), e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the API keys file " + file + ": " + e, e);
        }
    }

    @Override
    public void close() {
        if (reloader != null) {
            reloader.shutdownNow();
        }
    }
}
