package io.omnihub.gateway.security;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Under {@code omnihub.gateway.security}.
 *
 * @param identitySecret the HMAC secret shared with the services ({@code OMNIHUB_IDENTITY_SECRET})
 * @param apiKeysFile    the YAML keys file (e.g. a mounted Kubernetes Secret); re-read when it changes
 * @param apiKeys        the same YAML as text (e.g. from an environment variable), added to the file's keys
 * @param reloadInterval how often the keys file is checked for changes
 * @param tokenTtl       how long a signed identity is valid: long enough for one request, no longer
 */
@ConfigurationProperties("omnihub.gateway.security")
record SecurityProperties(String identitySecret, String apiKeysFile, String apiKeys,
                          @DefaultValue("5s") Duration reloadInterval, @DefaultValue("60s") Duration tokenTtl) {

    /** The keys file, if one is configured (an empty variable means none). */
    Optional<Path> keysFile() {
        return apiKeysFile == null || apiKeysFile.isBlank() ? Optional.empty() : Optional.of(Path.of(apiKeysFile));
    }
}
