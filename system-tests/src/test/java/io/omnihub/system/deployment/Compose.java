package io.omnihub.system.deployment;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** docker-compose.yml as the checks read it: services, their environment (interpolated with its defaults), ports. */
final class Compose {

    // ${VAR}, ${VAR:-default}, ${VAR-default}; $$ is a literal $
    private static final Pattern INTERPOLATION =
            Pattern.compile("\\$\\$|\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?::?-([^}]*))?}");

    private final Map<String, Object> services;

    private Compose(Map<String, Object> file) {
        this.services = Nodes.map(file.get("services"));
    }

    static Compose load(Path file) {
        return new Compose(Nodes.load(file));
    }

    Set<String> serviceNames() {
        return services.keySet();
    }

    Optional<Map<String, Object>> service(String name) {
        return Optional.ofNullable(services.get(name)).map(Nodes::map);
    }

    /** The services whose image starts with this (e.g. "minio/mc:"). */
    List<String> servicesWithImage(String imagePrefix) {
        return services.keySet().stream()
                .filter(name -> String.valueOf(Nodes.at(services.get(name), "image")).startsWith(imagePrefix))
                .toList();
    }

    /** The environment a service starts with, as the shell-less default values would make it. */
    Map<String, String> environment(String name) {
        Object environment = Nodes.at(services.get(name), "environment");
        Map<String, String> variables = new LinkedHashMap<>();
        if (environment instanceof Map<?, ?> map) {
            map.forEach((key, value) -> variables.put(String.valueOf(key), interpolate(Nodes.text(value))));
        }
        else {
            for (Object entry : Nodes.list(environment)) {
                String text = String.valueOf(entry);
                int equals = text.indexOf('=');
                variables.put(equals < 0 ? text : text.substring(0, equals),
                        equals < 0 ? null : interpolate(text.substring(equals + 1)));
            }
        }
        return variables;
    }

    /** depends_on as service -> condition; the short list form has no condition (null). */
    Map<String, String> dependsOn(String name) {
        Object dependsOn = Nodes.at(services.get(name), "depends_on");
        Map<String, String> conditions = new LinkedHashMap<>();
        if (dependsOn instanceof Map<?, ?> map) {
            map.forEach((key, value) -> conditions.put(String.valueOf(key), Nodes.text(Nodes.at(value, "condition"))));
        }
        else {
            Nodes.list(dependsOn).forEach(entry -> conditions.put(String.valueOf(entry), null));
        }
        return conditions;
    }

    /** mem_limit, or the Compose Specification's deploy.resources.limits.memory. */
    Optional<String> memoryLimit(String name) {
        Object service = services.get(name);
        return Optional.ofNullable(Nodes.text(Nodes.at(service, "mem_limit")))
                .or(() -> Optional.ofNullable(
                        Nodes.text(Nodes.at(service, "deploy", "resources", "limits", "memory"))));
    }

    /** The health check's command as one line, or empty if the service has none (or disables it). */
    Optional<String> healthcheck(String name) {
        Object healthcheck = Nodes.at(services.get(name), "healthcheck");
        if (healthcheck == null || Boolean.TRUE.equals(Nodes.at(healthcheck, "disable"))) {
            return Optional.empty();
        }
        Object test = Nodes.at(healthcheck, "test");
        return test == null ? Optional.empty() : Optional.of(String.join(" ", Nodes.texts(test)));
    }

    /** A one-shot service: it is meant to exit, so others wait for it to complete rather than to be healthy. */
    boolean isOneShot(String name) {
        return "no".equals(Nodes.text(Nodes.at(services.get(name), "restart"))) && healthcheck(name).isEmpty();
    }

    /** Published ports as host_ip:published:target; the host IP is empty where Docker binds all interfaces. */
    List<String> publishedPorts(String name) {
        return Nodes.list(Nodes.at(services.get(name), "ports")).stream().map(port -> {
            if (port instanceof Map<?, ?> map) {
                Object hostIp = map.get("host_ip");
                return (hostIp == null ? "" : hostIp) + ":" + map.get("published") + ":" + map.get("target");
            }
            String text = String.valueOf(port);
            // 127.0.0.1:8080:8080, 8080:8080, 8080; an IPv6 host IP is in brackets
            long colons = text.replaceAll("\\[[^]]*]", "").chars().filter(c -> c == ':').count();
            return colons >= 2 ? text : colons == 1 ? ":" + text : "::" + text;
        }).toList();
    }

    /** The whole service definition's scalars (command, entrypoint, health check...), for scripts. */
    List<String> texts(String name) {
        return Nodes.texts(services.get(name));
    }

    static String interpolate(String value) {
        if (value == null) {
            return null;
        }
        Matcher matcher = INTERPOLATION.matcher(value);
        StringBuilder result = new StringBuilder();
        while (matcher.find()) {
            String replacement = matcher.group().equals("$$") ? "$"
                    : matcher.group(2) != null ? matcher.group(2) : "";
            matcher.appendReplacement(result, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(result);
        return result.toString();
    }
}
