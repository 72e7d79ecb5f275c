package io.omnihub.gateway.security;

import io.omnihub.contracts.identity.Identity;
import io.omnihub.contracts.identity.Role;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * The API keys the gateway accepts, by the SHA-256 of the key. Read from YAML (a keys file or its text in an
 * environment variable):
 *
 * <pre>
 * keys:
 *   - client: erp-lojas-acme          # who calls; logged and passed to the services, never the key
 *     sha256: 372dffa5...             # echo -n '&lt;key&gt;' | sha256sum
 *     roles: [ERP]                    # ERP, CHANNEL, STORE, OPERATOR
 *     stores: ["*"]                   # the stores it may see and act on; "*" for all
 * </pre>
 */
record ApiKeys(Map<String, Identity> byHash) {

    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern CLIENT = Pattern.compile("[A-Za-z0-9._:@-]{1,64}");

    static final ApiKeys NONE = new ApiKeys(Map.of());

    ApiKeys {
        byHash = Map.copyOf(byHash);
    }

    Optional<Identity> identityOf(String apiKey) {
        if (apiKey == null || apiKey.isBlank() || apiKey.length() > 256) {
            return Optional.empty();
        }
        return Optional.ofNullable(byHash.get(ApiKeyHash.of(apiKey)));
    }

    int size() {
        return byHash.size();
    }

    Collection<Identity> identities() {
        return byHash.values();
    }

    /** Every key of the YAML text; refuses the whole text when one entry is wrong, naming the entry. */
    static ApiKeys parse(String yaml) {
        Object root;
        try {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
        } catch (YAMLException e) {
            throw new IllegalArgumentException("the API keys are not valid YAML: " + firstLine(e.getMessage()));
        }
        if (root == null) {
            return NONE;
        }
        if (!(root instanceof Map<?, ?> document) || !(document.get("keys") instanceof List<?> entries)) {
            throw new IllegalArgumentException("the API keys must be a YAML document with a list 'keys'");
        }
        Map<String, Identity> byHash = new HashMap<>();
        Set<String> clients = new HashSet<>();
        for (int i = 0; i < entries.size(); i++) {
            String where = "keys[" + i + "]";
            if (!(entries.get(i) instanceof Map<?, ?> entry)) {
                throw new IllegalArgumentException(where + " is not a mapping of client, sha256, roles, stores");
            }
            String client = text(entry.get("client"));
            if (client == null || !CLIENT.matcher(client).matches()) {
                throw new IllegalArgumentException(where + ": client must be 1 to 64 of A-Z a-z 0-9 . _ : @ -");
            }
            where = where + " (" + client + ")";
            String hash = text(entry.get("sha256"));
            hash = hash == null ? null : hash.toLowerCase(Locale.ROOT);
            if (hash == null || !SHA256_HEX.matcher(hash).matches()) {
                throw new IllegalArgumentException(where + ": sha256 must be the 64 hex digits of the key's SHA-256");
            }
            Set<Role> roles = EnumSet.noneOf(Role.class);
            for (String role : texts(entry.get("roles"))) {
                try {
                    roles.add(Role.valueOf(role.toUpperCase(Locale.ROOT)));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(where + ": unknown role " + role + " (roles: ERP, CHANNEL, "
                            + "STORE, OPERATOR)");
                }
            }
            if (roles.isEmpty()) {
                throw new IllegalArgumentException(where + ": roles is empty");
            }
            Set<String> stores = new LinkedHashSet<>(texts(entry.get("stores")));
            if (stores.isEmpty() || stores.stream().anyMatch(String::isBlank)) {
                throw new IllegalArgumentException(where + ": stores must list store ids, or \"*\" for all stores");
            }
            if (!clients.add(client)) {
                throw new IllegalArgumentException(where + ": client " + client + " is listed twice");
            }
            if (byHash.putIfAbsent(hash, new Identity(client, roles, stores)) != null) {
                throw new IllegalArgumentException(where + ": the same key hash is listed twice");
            }
        }
        return new ApiKeys(byHash);
    }

    private static String text(Object value) {
        return value == null ? null : value.toString().trim();
    }

    private static List<String> texts(Object value) {
        List<String> texts = new ArrayList<>();
        if (value instanceof Collection<?> values) {
            values.forEach(item -> texts.add(String.valueOf(item).trim()));
        } else if (value != null) {
            for (String item : value.toString().split(",")) {
                texts.add(item.trim());
            }
        }
        return texts;
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("");
    }
}
