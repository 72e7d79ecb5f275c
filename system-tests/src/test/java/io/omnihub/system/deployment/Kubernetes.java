package io.omnihub.system.deployment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The manifests under k8s/ that {@code kubectl apply -k k8s/} applies: the files its kustomization.yaml reaches,
 * every document of each.
 */
final class Kubernetes {

    private static final String KUSTOMIZATION = "kustomization.yaml";

    /** One object of a manifest file. */
    record Resource(Path file, Map<String, Object> document) {

        String apiVersion() {
            return Nodes.text(document.get("apiVersion"));
        }

        String kind() {
            return Nodes.text(document.get("kind"));
        }

        String name() {
            return Nodes.text(Nodes.at(document, "metadata", "name"));
        }

        Object at(String... keys) {
            return Nodes.at(document, keys);
        }

        /** The pod template's containers of a workload (Deployment, StatefulSet, Job), init containers first. */
        List<Map<String, Object>> containers() {
            List<Map<String, Object>> containers = new ArrayList<>();
            containers.addAll(Nodes.maps(at("spec", "template", "spec", "initContainers")));
            containers.addAll(Nodes.maps(at("spec", "template", "spec", "containers")));
            return containers;
        }

        @Override
        public String toString() {
            return kind() + "/" + name();
        }
    }

    private final Path directory;

    private final Set<Path> applied = new LinkedHashSet<>();

    private final List<Resource> resources = new ArrayList<>();

    private Kubernetes(Path directory) {
        this.directory = directory;
    }

    static Kubernetes load(Path directory) {
        Kubernetes kubernetes = new Kubernetes(directory);
        kubernetes.follow(directory);
        return kubernetes;
    }

    /** Reads a kustomization and, recursively, every resource file and directory it lists. */
    private void follow(Path kustomizationDir) {
        Path kustomization = kustomizationDir.resolve(KUSTOMIZATION);
        if (!Files.isRegularFile(kustomization)) {
            throw new IllegalStateException(kustomizationDir + " is listed as a kustomize resource but has no "
                    + KUSTOMIZATION);
        }
        for (Object entry : Nodes.list(Nodes.load(kustomization).get("resources"))) {
            Path resource = kustomizationDir.resolve(String.valueOf(entry)).normalize();
            if (Files.isDirectory(resource)) {
                follow(resource);
            }
            else if (Files.isRegularFile(resource)) {
                if (applied.add(resource)) {
                    Nodes.loadAll(resource).forEach(document -> resources.add(new Resource(resource, document)));
                }
            }
            else {
                throw new IllegalStateException(kustomization + " lists " + entry + ", which does not exist");
            }
        }
    }

    /** YAML files under k8s/ that no kustomization reaches: they would silently never be applied. */
    List<Path> filesNotApplied() {
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(Files::isRegularFile)
                    .filter(file -> file.toString().endsWith(".yaml") || file.toString().endsWith(".yml"))
                    .filter(file -> !file.getFileName().toString().equals(KUSTOMIZATION))
                    .map(Path::normalize)
                    .filter(file -> !applied.contains(file))
                    .map(directory::relativize)
                    .toList();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    List<Resource> all() {
        return List.copyOf(resources);
    }

    List<Resource> all(String kind) {
        return resources.stream().filter(resource -> kind.equals(resource.kind())).toList();
    }

    Optional<Resource> find(String kind, String name) {
        return resources.stream().filter(r -> kind.equals(r.kind()) && name.equals(r.name())).findFirst();
    }

    /** Workloads whose (first) container runs an image starting with this, e.g. "minio/mc:". */
    List<Resource> workloadsWithImage(String imagePrefix) {
        return resources.stream()
                .filter(resource -> resource.containers().stream()
                        .anyMatch(container -> String.valueOf(container.get("image")).startsWith(imagePrefix)))
                .toList();
    }

    /**
     * The environment a container starts with: envFrom (ConfigMaps, Secrets) first, then env, which wins.
     * A reference to a ConfigMap, Secret or key that is not in the manifests is reported in problems.
     */
    Map<String, String> environment(Map<String, Object> container, List<String> problems) {
        Map<String, String> variables = new LinkedHashMap<>();
        for (Map<String, Object> source : Nodes.maps(container.get("envFrom"))) {
            String prefix = Optional.ofNullable(Nodes.text(source.get("prefix"))).orElse("");
            String configMap = Nodes.text(Nodes.at(source, "configMapRef", "name"));
            String secret = Nodes.text(Nodes.at(source, "secretRef", "name"));
            Optional<Map<String, String>> data = configMap != null ? configMapData(configMap) : secretData(secret);
            if (data.isEmpty()) {
                problems.add("envFrom refers to " + (configMap != null ? "ConfigMap " + configMap : "Secret " + secret)
                        + ", which is not in the manifests");
            }
            data.orElse(Map.of()).forEach((key, value) -> variables.put(prefix + key, value));
        }
        for (Map<String, Object> entry : Nodes.maps(container.get("env"))) {
            String name = Nodes.text(entry.get("name"));
            if (entry.containsKey("value")) {
                variables.put(name, Nodes.text(entry.get("value")));
                continue;
            }
            Object configMapKey = Nodes.at(entry, "valueFrom", "configMapKeyRef");
            Object secretKey = Nodes.at(entry, "valueFrom", "secretKeyRef");
            if (configMapKey == null && secretKey == null) {
                // fieldRef, resourceFieldRef: set by the kubelet
                variables.put(name, "<" + Nodes.map(entry.get("valueFrom")).keySet() + ">");
                continue;
            }
            Object reference = configMapKey != null ? configMapKey : secretKey;
            String source = Nodes.text(Nodes.at(reference, "name"));
            String key = Nodes.text(Nodes.at(reference, "key"));
            Optional<String> value = (configMapKey != null ? configMapData(source) : secretData(source))
                    .map(data -> data.get(key));
            if (value.isEmpty()) {
                problems.add("env " + name + " refers to key " + key + " of " + source
                        + ", which is not in the manifests");
            }
            value.ifPresent(v -> variables.put(name, v));
        }
        return variables;
    }

    Optional<Map<String, String>> configMapData(String name) {
        return find("ConfigMap", name).map(configMap -> {
            Map<String, String> data = new LinkedHashMap<>();
            Nodes.map(configMap.at("data")).forEach((key, value) -> data.put(key, Nodes.text(value)));
            return data;
        });
    }

    Optional<Map<String, String>> secretData(String name) {
        return find("Secret", name).map(secret -> {
            Map<String, String> data = new LinkedHashMap<>();
            Nodes.map(secret.at("data")).forEach((key, value) -> data.put(key,
                    new String(Base64.getDecoder().decode(Nodes.text(value)), StandardCharsets.UTF_8)));
            // stringData wins over data, as the API server merges them
            Nodes.map(secret.at("stringData")).forEach((key, value) -> data.put(key, Nodes.text(value)));
            return data;
        });
    }

    /** A container port by number or by name. */
    static Optional<Integer> containerPort(Map<String, Object> container, Object port) {
        if (port instanceof Number number) {
            return Optional.of(number.intValue());
        }
        String text = Nodes.text(port);
        if (text != null && text.matches("\\d+")) {
            return Optional.of(Integer.parseInt(text));
        }
        return Nodes.maps(container.get("ports")).stream()
                .filter(declared -> text != null && text.equals(Nodes.text(declared.get("name"))))
                .map(declared -> Integer.parseInt(Nodes.text(declared.get("containerPort"))))
                .findFirst();
    }
}
