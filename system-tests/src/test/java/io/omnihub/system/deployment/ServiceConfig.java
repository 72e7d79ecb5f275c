package io.omnihub.system.deployment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What a service reads from its environment, taken from its application.yml (and the platform's shared file
 * when it imports it): the {@code ${NAME:default}} placeholders, its port and its database.
 */
record ServiceConfig(String module, int port, Optional<String> database, Map<String, String> defaults) {

    static final String PLATFORM_CONFIG = "omnihub-platform.yml";

    // environment variables only: upper case; ${spring.application.name} and the like are properties
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(?::([^}]*))?}");

    private static final Pattern PLATFORM_IMPORT =
            Pattern.compile("(?m)^\\s*(import:|-).*classpath:" + Pattern.quote(PLATFORM_CONFIG));

    static ServiceConfig read(String module, Path applicationYml, Path platformYml) {
        if (!Files.isRegularFile(applicationYml)) {
            throw new IllegalStateException(module + " is a service module (not in Repository.NOT_SERVICES) but has no "
                    + applicationYml + "; add a library module to NOT_SERVICES");
        }
        String application = read(applicationYml);
        Map<String, String> defaults = new LinkedHashMap<>(placeholders(application));
        if (PLATFORM_IMPORT.matcher(application).find()) {
            placeholders(read(platformYml)).forEach(defaults::putIfAbsent);
            // the platform's code reads some variables itself, e.g. @Value("${...:${OMNIHUB_IDENTITY_SECRET:}}")
            platformSources(platformYml).forEach(source -> placeholders(read(source)).forEach(defaults::putIfAbsent));
        }
        String port = defaults.get("SERVER_PORT");
        if (port == null || !port.matches("\\d+")) {
            throw new IllegalStateException(module + ": " + applicationYml
                    + " must set server.port: ${SERVER_PORT:<port>}, found " + port);
        }
        Optional<String> database = Optional.ofNullable(defaults.get("MONGODB_URI"))
                .map(uri -> Endpoints.MongoUri.parse(uri).database());
        return new ServiceConfig(module, Integer.parseInt(port), database, Map.copyOf(defaults));
    }

    /** Kafka, MongoDB, S3 and the URLs of other services: what a deployment must point somewhere real. */
    static boolean isInfrastructure(String variable) {
        return variable.equals("KAFKA_BOOTSTRAP_SERVERS") || variable.equals("MONGODB_URI")
                || variable.startsWith("S3_") || variable.endsWith("_URL");
    }

    Set<String> variables() {
        return new TreeSet<>(defaults.keySet());
    }

    /**
     * What a deployment must set. A URL without a default (e.g. CARRIER_URL: an outside system the service can do
     * without) is optional, so it is left out.
     */
    Set<String> infrastructureVariables() {
        Set<String> variables = new TreeSet<>();
        defaults.keySet().stream().filter(ServiceConfig::isInfrastructure)
                .filter(variable -> !(variable.endsWith("_URL") && defaults.get(variable).isBlank()))
                .forEach(variables::add);
        return variables;
    }

    /** Whether the service reads this variable, itself or through Spring's relaxed binding of its own properties. */
    boolean reads(String variable) {
        return defaults.containsKey(variable) || variable.startsWith("SPRING_") || variable.startsWith("SERVER_")
                || variable.startsWith("MANAGEMENT_") || variable.startsWith("LOGGING_")
                || variable.startsWith("JAVA_") || variable.startsWith("JDK_");
    }

    private static Map<String, String> placeholders(String yaml) {
        Map<String, String> found = new LinkedHashMap<>();
        Matcher matcher = PLACEHOLDER.matcher(yaml);
        while (matcher.find()) {
            String previous = found.putIfAbsent(matcher.group(1), matcher.group(2) == null ? "" : matcher.group(2));
            if (previous != null && matcher.group(2) != null && !previous.equals(matcher.group(2))) {
                throw new IllegalStateException("${" + matcher.group(1) + "} has two defaults: " + previous + " and "
                        + matcher.group(2));
            }
        }
        return found;
    }

    /** platform/src/main/java/**.java, next to the platform's src/main/resources. */
    private static List<Path> platformSources(Path platformYml) {
        Path sources = platformYml.toAbsolutePath().getParent().getParent().resolve("java");
        if (!Files.isDirectory(sources)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(sources)) {
            return files.filter(file -> file.toString().endsWith(".java")).sorted().toList();
        }
        catch (IOException ex) {
            throw new IllegalStateException("cannot list " + sources, ex);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        }
        catch (IOException ex) {
            throw new IllegalStateException("cannot read " + file, ex);
        }
    }
}
