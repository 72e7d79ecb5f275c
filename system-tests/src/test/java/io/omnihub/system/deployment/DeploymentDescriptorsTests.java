package io.omnihub.system.deployment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.omnihub.contracts.Buckets;
import io.omnihub.contracts.Topics;
import io.omnihub.system.deployment.Endpoints.HostPort;
import io.omnihub.system.deployment.Endpoints.MongoUri;
import io.omnihub.system.deployment.Kubernetes.Resource;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.SoftAssertions.assertSoftly;

/**
 * docker-compose.yml and k8s/ agree with the code: every service module is deployed, on the port, with the
 * environment and the health endpoints its own configuration expects. Read as text: no Docker engine or cluster.
 */
class DeploymentDescriptorsTests {

    private static final Pattern READINESS = Pattern.compile("/actuator/health/readiness|/readyz");

    private static final Pattern LIVENESS = Pattern.compile("/actuator/health/liveness|/livez");

    private static final Pattern MC_MB = Pattern.compile("mc\\s+mb\\s+(?:--?[\\w-]+\\s+)*\"?[\\w.-]+/([a-z0-9.-]+)");

    // mc event add <alias>/<bucket> arn:minio:sqs::<target id>:kafka ... --event <events>
    private static final Pattern MC_EVENT_ADD = Pattern.compile("mc\\s+event\\s+add\\s+\"?[\\w.-]+/([a-z0-9.-]+)\"?"
            + "\\s+arn:minio:sqs::(\\w+):kafka\\s+(?:.*?\\s)?--event[\\s=]+\"?([\\w,]+)");

    private static final Pattern REPLICA_SET = Pattern.compile("--replSet(?:\\s+|=)(\\w+)");

    private static final String GATEWAY = "gateway";

    private static Repository repository;

    private static Compose compose;

    private static Kubernetes kubernetes;

    @BeforeAll
    static void readDescriptors() {
        repository = Repository.locate();
        compose = Compose.load(repository.resolve("docker-compose.yml"));
        kubernetes = Kubernetes.load(repository.resolve("k8s"));
    }

    /** The modules every per-service check runs for: a new service module is checked without being listed here. */
    static List<String> services() {
        return Repository.locate().serviceModules();
    }

    @Test
    void everyServiceModuleHasItsOwnPort() {
        Map<Integer, String> byPort = new HashMap<>();
        assertSoftly(softly -> {
            softly.assertThat(repository.serviceModules()).as("service modules of the root pom.xml")
                    .contains(GATEWAY).hasSizeGreaterThan(1);
            for (String module : repository.serviceModules()) {
                ServiceConfig config = repository.service(module);
                String other = byPort.putIfAbsent(config.port(), module);
                softly.assertThat(other).as("%s: default SERVER_PORT %d is also %s's", module, config.port(), other)
                        .isNull();
            }
        });
    }

    // ------------------------------------------------------------------ docker-compose.yml

    @ParameterizedTest(name = "{0}")
    @MethodSource("services")
    void composeBuildsAndRunsTheServiceOnItsPort(String module) {
        ServiceConfig config = repository.service(module);
        Optional<Map<String, Object>> service = compose.service(module);
        assertThat(service).as("%s: service in docker-compose.yml", module).isPresent();
        assertSoftly(softly -> {
            softly.assertThat(Nodes.text(service.get().get("image"))).as("%s: compose image", module)
                    .isEqualTo(image(module));
            softly.assertThat(Nodes.text(Nodes.at(service.get(), "build", "context")))
                    .as("%s: compose build context (the repository root)", module).isIn(".", "./");
            softly.assertThat(Nodes.text(Nodes.at(service.get(), "build", "args", "SERVICE")))
                    .as("%s: compose build arg SERVICE (the module the Dockerfile builds)", module).isEqualTo(module);
            Optional.ofNullable(Nodes.text(Nodes.at(service.get(), "build", "args", "SERVER_PORT")))
                    .ifPresent(port -> softly.assertThat(port).as("%s: compose build arg SERVER_PORT", module)
                            .isEqualTo(String.valueOf(config.port())));
            softly.assertThat(compose.environment(module).get("SERVER_PORT"))
                    .as("%s: compose SERVER_PORT, the default of its application.yml", module)
                    .isEqualTo(String.valueOf(config.port()));
            softly.assertThat(compose.healthcheck(module)).as("%s: compose health check", module)
                    .hasValueSatisfying(check -> softly.assertThat(check)
                            .as("%s: compose health check asks the readiness endpoint on port %d", module,
                                    config.port())
                            .containsPattern("https?://(127\\.0\\.0\\.1|localhost):" + config.port() + "("
                                    + READINESS.pattern() + ")"));
            softly.assertThat(compose.memoryLimit(module)).as("%s: compose memory limit", module).isPresent();
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("services")
    void composePointsTheServiceAtTheInfrastructureItReads(String module) {
        ServiceConfig config = repository.service(module);
        assertThat(compose.service(module)).as("%s: service in docker-compose.yml", module).isPresent();
        Map<String, String> environment = compose.environment(module);
        Map<String, String> dependsOn = compose.dependsOn(module);
        assertSoftly(softly -> {
            for (String variable : config.infrastructureVariables()) {
                String value = environment.get(variable);
                if (value == null || value.isBlank()) {
                    softly.fail("%s: compose does not set %s, which its configuration reads", module, variable);
                    continue;
                }
                for (HostPort endpoint : Endpoints.of(variable, value)) {
                    if (!compose.serviceNames().contains(endpoint.host())) {
                        softly.fail("%s: compose %s=%s points at %s, which is no compose service", module, variable,
                                value, endpoint.host());
                    }
                    else {
                        softly.assertThat(dependsOn.get(endpoint.host()))
                                .as("%s: compose depends_on %s (from %s)", module, endpoint.host(), variable)
                                .isEqualTo("service_healthy");
                    }
                }
                checkServiceUrl(softly, "compose", config, variable, value);
            }
            if (config.database().isPresent()) {
                checkMongoUri(softly, "compose", config, environment.get("MONGODB_URI"),
                        host -> compose.texts(host.host()));
            }
            environment.keySet().forEach(variable -> softly.assertThat(config.reads(variable))
                    .as("%s: compose sets %s, which its configuration does not read (a typo?)", module, variable)
                    .isTrue());
        });
    }

    @Test
    void composeGivesEveryContainerAMemoryLimitAndStartsItAfterWhatItNeedsIsUp() {
        assertSoftly(softly -> {
            for (String name : compose.serviceNames()) {
                softly.assertThat(compose.memoryLimit(name)).as("%s: compose memory limit", name).isPresent();
                if (!compose.isOneShot(name)) {
                    softly.assertThat(compose.healthcheck(name)).as("%s: compose health check", name).isPresent();
                }
                compose.dependsOn(name).forEach((dependency, condition) -> {
                    String expected = compose.isOneShot(dependency) ? "service_completed_successfully"
                            : "service_healthy";
                    softly.assertThat(condition).as("%s: compose depends_on %s condition", name, dependency)
                            .isEqualTo(expected);
                });
            }
        });
    }

    @Test
    void composePublishesNoServiceButTheGatewayAndOnlyOnLoopback() {
        assertSoftly(softly -> {
            for (String name : compose.serviceNames()) {
                List<String> ports = compose.publishedPorts(name);
                ports.forEach(port -> softly.assertThat(port).as("%s: compose published port %s", name, port)
                        .matches("(127\\.0\\.0\\.1|\\[::1]):.*"));
                if (repository.serviceModules().contains(name) && !name.equals(GATEWAY)) {
                    softly.assertThat(ports).as("%s: compose publishes ports of a service behind the gateway", name)
                            .isEmpty();
                }
            }
            int gatewayPort = repository.service(GATEWAY).port();
            softly.assertThat(compose.publishedPorts(GATEWAY)).as("gateway: compose published ports")
                    .contains("127.0.0.1:" + gatewayPort + ":" + gatewayPort);
        });
    }

    @Test
    void composeCreatesEveryBucketAndSendsTheInboxPutsToKafka() {
        List<String> minio = compose.servicesWithImage("minio/minio:");
        List<String> minioInit = compose.servicesWithImage("minio/mc:");
        assertThat(minio).as("compose services running minio/minio").hasSize(1);
        assertThat(minioInit).as("compose services running minio/mc (creating buckets)").hasSize(1);
        Map<String, String> minioEnvironment = compose.environment(minio.get(0));
        assertSoftly(softly -> {
            checkBucketsAndNotifications(softly, "compose", String.join("\n", compose.texts(minioInit.get(0))),
                    minioEnvironment, host -> compose.serviceNames().contains(host.host()));
            softly.assertThat(compose.dependsOn(minioInit.get(0))).as("compose: %s depends_on", minioInit.get(0))
                    .containsEntry(minio.get(0), "service_healthy");
            for (String module : repository.serviceModules()) {
                ServiceConfig config = repository.service(module);
                Map<String, String> environment = compose.environment(module);
                if (config.defaults().containsKey("S3_ENDPOINT")) {
                    softly.assertThat(compose.dependsOn(module)).as("%s: compose depends_on (buckets first)", module)
                            .containsEntry(minioInit.get(0), "service_completed_successfully");
                    checkS3Credentials(softly, "compose", module, environment, minioEnvironment,
                            compose.environment(minioInit.get(0)), String.join("\n", compose.texts(minioInit.get(0))));
                }
                if (config.defaults().containsKey("INBOX_NOTIFICATIONS_ENABLED")) {
                    softly.assertThat(environment.get("INBOX_NOTIFICATIONS_ENABLED"))
                            .as("%s: compose INBOX_NOTIFICATIONS_ENABLED, MinIO notifies Kafka here", module)
                            .isEqualTo("true");
                }
            }
        });
    }

    @Test
    void composeRunsTheKafkaBrokerVersionOfTheEmbeddedStack() {
        List<String> kafka = compose.servicesWithImage("apache/kafka:");
        assertThat(kafka).as("compose services running apache/kafka").hasSize(1);
        assertThat(Nodes.text(compose.service(kafka.get(0)).orElseThrow().get("image")))
                .as("compose Kafka image: the broker version of the root pom (omnihub.kafka-broker.version)")
                .isEqualTo("apache/kafka:" + repository.property("omnihub.kafka-broker.version"));
    }

    // ------------------------------------------------------------------ k8s/

    @ParameterizedTest(name = "{0}")
    @MethodSource("services")
    void k8sRunsTheServiceWithProbesResourcesAndAutoscaling(String module) {
        ServiceConfig config = repository.service(module);
        Optional<Resource> deployment = kubernetes.find("Deployment", module);
        assertThat(deployment).as("%s: Deployment in k8s/", module).isPresent();
        Optional<Map<String, Object>> found = serviceContainer(deployment.get(), module);
        assertThat(found).as("%s: container running %s in its Deployment", module, image(module)).isPresent();
        Map<String, Object> container = found.get();
        int port = config.port();
        assertSoftly(softly -> {
            softly.assertThat(Nodes.text(container.get("image"))).as("%s: k8s image (as in docker-compose.yml)", module)
                    .isEqualTo(image(module))
                    .isEqualTo(compose.service(module).map(service -> Nodes.text(service.get("image"))).orElse(null));
            softly.assertThat(integer(deployment.get().at("spec", "replicas"))).as("%s: k8s replicas", module)
                    .isGreaterThanOrEqualTo(2);
            softly.assertThat(Nodes.maps(container.get("ports")).stream().map(p -> integer(p.get("containerPort"))))
                    .as("%s: k8s containerPort, the default SERVER_PORT of its application.yml", module)
                    .contains(port);
            checkProbe(softly, module, container, "readinessProbe", READINESS, port);
            checkProbe(softly, module, container, "livenessProbe", LIVENESS, port);
            for (String[] resource : List.of(new String[] { "requests", "cpu" }, new String[] { "requests", "memory" },
                    new String[] { "limits", "memory" })) {
                softly.assertThat(Nodes.text(Nodes.at(container, "resources", resource[0], resource[1])))
                        .as("%s: k8s resources.%s.%s", module, resource[0], resource[1]).isNotBlank();
            }

            Optional<Resource> service = kubernetes.find("Service", module);
            softly.assertThat(service).as("%s: Service in k8s/", module).isPresent();
            service.ifPresent(svc -> {
                softly.assertThat(Nodes.text(svc.at("spec", "type"))).as("%s: k8s Service type (the Ingress is the "
                        + "way in from outside)", module).isIn(null, "ClusterIP");
                Map<String, Object> labels = Nodes.map(deployment.get().at("spec", "template", "metadata", "labels"));
                softly.assertThat(labels).as("%s: pod labels, selected by its Service", module)
                        .containsAllEntriesOf(Nodes.map(svc.at("spec", "selector")));
                Optional<Map<String, Object>> servicePort = Nodes.maps(svc.at("spec", "ports")).stream()
                        .filter(p -> Integer.valueOf(port).equals(integer(p.get("port")))).findFirst();
                softly.assertThat(servicePort).as("%s: k8s Service port %d", module, port).isPresent();
                servicePort.ifPresent(p -> softly
                        .assertThat(Kubernetes.containerPort(container, p.getOrDefault("targetPort", port)))
                        .as("%s: k8s Service targetPort", module).contains(port));
            });

            Optional<Resource> autoscaler = kubernetes.find("HorizontalPodAutoscaler", module);
            softly.assertThat(autoscaler).as("%s: HorizontalPodAutoscaler in k8s/", module).isPresent();
            autoscaler.ifPresent(hpa -> {
                softly.assertThat(hpa.apiVersion()).as("%s: HPA apiVersion", module).isEqualTo("autoscaling/v2");
                softly.assertThat(Nodes.text(hpa.at("spec", "scaleTargetRef", "kind")) + "/"
                        + Nodes.text(hpa.at("spec", "scaleTargetRef", "name"))).as("%s: HPA target", module)
                        .isEqualTo("Deployment/" + module);
                softly.assertThat(integer(hpa.at("spec", "minReplicas"))).as("%s: HPA minReplicas", module)
                        .isGreaterThanOrEqualTo(2);
                softly.assertThat(Nodes.maps(hpa.at("spec", "metrics")).stream()
                        .map(metric -> Nodes.text(Nodes.at(metric, "resource", "name"))))
                        .as("%s: HPA metrics", module).contains("cpu");
            });
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("services")
    void k8sPointsTheServiceAtTheInfrastructureItReads(String module) {
        ServiceConfig config = repository.service(module);
        Optional<Map<String, Object>> container = kubernetes.find("Deployment", module)
                .flatMap(deployment -> serviceContainer(deployment, module));
        assertThat(container).as("%s: container running %s in a Deployment of k8s/", module, image(module)).isPresent();
        List<String> problems = new ArrayList<>();
        Map<String, String> environment = kubernetes.environment(container.get(), problems);
        assertSoftly(softly -> {
            problems.forEach(problem -> softly.fail("%s: %s", module, problem));
            Optional.ofNullable(environment.get("SERVER_PORT")).ifPresent(port -> softly.assertThat(port)
                    .as("%s: k8s SERVER_PORT", module).isEqualTo(String.valueOf(config.port())));
            for (String variable : config.infrastructureVariables()) {
                String value = environment.get(variable);
                if (value == null || value.isBlank()) {
                    softly.fail("%s: k8s sets no %s (env, or envFrom a ConfigMap/Secret), which its configuration "
                            + "reads", module, variable);
                    continue;
                }
                for (HostPort endpoint : Endpoints.of(variable, value)) {
                    checkK8sEndpoint(softly, module, variable, endpoint);
                }
                checkServiceUrl(softly, "k8s", config, variable, value);
            }
            if (config.database().isPresent()) {
                checkMongoUri(softly, "k8s", config, environment.get("MONGODB_URI"), host -> k8sTexts(host));
            }
            Nodes.maps(container.get().get("env")).stream().map(entry -> Nodes.text(entry.get("name")))
                    .forEach(variable -> softly.assertThat(config.reads(variable))
                            .as("%s: k8s sets %s, which its configuration does not read (a typo?)", module, variable)
                            .isTrue());
        });
    }

    @Test
    void k8sAppliesEveryManifestFileThroughTheKustomization() {
        assertThat(kubernetes.filesNotApplied()).as("files under k8s/ that no kustomization.yaml lists").isEmpty();
    }

    @Test
    void k8sGivesEveryContainerResourcesAndOnlySharesSettingsTheServicesRead() {
        assertSoftly(softly -> {
            for (Resource workload : kubernetes.all()) {
                for (Map<String, Object> container : workload.containers()) {
                    softly.assertThat(Nodes.text(Nodes.at(container, "resources", "limits", "memory")))
                            .as("%s container %s: resources.limits.memory", workload, container.get("name"))
                            .isNotBlank();
                    softly.assertThat(Nodes.text(Nodes.at(container, "resources", "requests", "memory")))
                            .as("%s container %s: resources.requests.memory", workload, container.get("name"))
                            .isNotBlank();
                }
            }
            Set<String> shared = new LinkedHashSet<>();
            Map<String, Set<String>> readers = new HashMap<>();
            for (String module : repository.serviceModules()) {
                ServiceConfig config = repository.service(module);
                kubernetes.find("Deployment", module).flatMap(deployment -> serviceContainer(deployment, module))
                        .ifPresent(container -> Nodes.maps(container.get("envFrom")).stream()
                                .map(source -> Nodes.text(Nodes.at(source, "configMapRef", "name")))
                                .filter(Objects::nonNull)
                                .forEach(name -> {
                                    shared.add(name);
                                    kubernetes.configMapData(name).orElse(Map.of()).keySet().stream()
                                            .filter(config::reads)
                                            .forEach(key -> readers.computeIfAbsent(name, n -> new LinkedHashSet<>())
                                                    .add(key));
                                }));
            }
            for (String configMap : shared) {
                Set<String> unread = new LinkedHashSet<>(kubernetes.configMapData(configMap).orElse(Map.of()).keySet());
                unread.removeAll(readers.getOrDefault(configMap, Set.of()));
                softly.assertThat(unread).as("ConfigMap %s: keys no service that uses it reads (a typo?)", configMap)
                        .isEmpty();
            }
        });
    }

    @Test
    void k8sCreatesEveryBucketAndSendsTheInboxPutsToKafka() {
        List<Resource> minio = kubernetes.workloadsWithImage("minio/minio:");
        List<Resource> minioInit = kubernetes.workloadsWithImage("minio/mc:");
        assertThat(minio).as("k8s workloads running minio/minio").hasSize(1);
        assertThat(minioInit).as("k8s workloads running minio/mc (creating buckets)").hasSize(1);
        List<String> problems = new ArrayList<>();
        Map<String, String> minioEnvironment =
                kubernetes.environment(container(minio.get(0), "minio/minio:"), problems);
        Map<String, Object> initContainer = container(minioInit.get(0), "minio/mc:");
        Map<String, String> initEnvironment = kubernetes.environment(initContainer, problems);
        String script = String.join("\n", Nodes.texts(initContainer.get("command")))
                + "\n" + String.join("\n", Nodes.texts(initContainer.get("args")));
        assertSoftly(softly -> {
            problems.forEach(problem -> softly.fail("k8s MinIO: %s", problem));
            checkBucketsAndNotifications(softly, "k8s", script, minioEnvironment,
                    host -> kubernetes.find("Service", host.host()).isPresent());
            for (String module : repository.serviceModules()) {
                ServiceConfig config = repository.service(module);
                Optional<Map<String, Object>> container = kubernetes.find("Deployment", module)
                        .flatMap(deployment -> serviceContainer(deployment, module));
                if (container.isEmpty()) {
                    continue;
                }
                Map<String, String> environment = kubernetes.environment(container.get(), new ArrayList<>());
                if (config.defaults().containsKey("S3_ENDPOINT")) {
                    checkS3Credentials(softly, "k8s", module, environment, minioEnvironment, initEnvironment, script);
                }
                if (config.defaults().containsKey("INBOX_NOTIFICATIONS_ENABLED")) {
                    softly.assertThat(environment.get("INBOX_NOTIFICATIONS_ENABLED"))
                            .as("%s: k8s INBOX_NOTIFICATIONS_ENABLED, MinIO notifies Kafka here", module)
                            .isEqualTo("true");
                }
            }
        });
    }

    @Test
    void k8sRunsTheKafkaBrokerVersionOfTheEmbeddedStack() {
        List<Resource> kafka = kubernetes.workloadsWithImage("apache/kafka:");
        assertThat(kafka).as("k8s workloads running apache/kafka").hasSize(1);
        assertThat(Nodes.text(container(kafka.get(0), "apache/kafka:").get("image")))
                .as("k8s Kafka image: the broker version of the root pom (omnihub.kafka-broker.version)")
                .isEqualTo("apache/kafka:" + repository.property("omnihub.kafka-broker.version"));
    }

    // ------------------------------------------------------------------ identity secret and API keys

    private static final String IDENTITY_SECRET = "OMNIHUB_IDENTITY_SECRET";

    private static final String API_KEYS_FILE = "OMNIHUB_API_KEYS_FILE";

    private static final String DEV_API_KEYS = "local-stack/src/main/resources/dev-api-keys.yml";

    @Test
    void composeGivesTheGatewayAndEveryServiceTheSameIdentitySecret() {
        Map<String, String> secrets = new java.util.TreeMap<>();
        repository.serviceModules().forEach(module -> secrets.put(module,
                compose.environment(module).get(IDENTITY_SECRET)));

        assertThat(secrets).as("compose %s of each service (the gateway signs, the services verify)", IDENTITY_SECRET)
                .doesNotContainValue(null);
        assertThat(Set.copyOf(secrets.values())).as("compose: one %s for all", IDENTITY_SECRET).hasSize(1);
        assertThat(secrets.get(GATEWAY)).as("compose %s: at least 32 characters", IDENTITY_SECRET)
                .hasSizeGreaterThanOrEqualTo(32);
    }

    @Test
    void k8sGivesTheGatewayAndEveryServiceTheSameIdentitySecretFromASecret() {
        Map<String, String> secrets = new java.util.TreeMap<>();
        assertSoftly(softly -> {
            for (String module : repository.serviceModules()) {
                Map<String, Object> container = kubernetes.find("Deployment", module)
                        .flatMap(deployment -> serviceContainer(deployment, module)).orElseThrow();
                List<String> problems = new ArrayList<>();
                secrets.put(module, kubernetes.environment(container, problems).get(IDENTITY_SECRET));
                problems.forEach(problem -> softly.fail("%s: %s", module, problem));
                Optional<Map<String, Object>> entry = Nodes.maps(container.get("env")).stream()
                        .filter(env -> IDENTITY_SECRET.equals(Nodes.text(env.get("name")))).findFirst();
                softly.assertThat(entry.map(env -> Nodes.at(env, "valueFrom", "secretKeyRef")))
                        .as("%s: k8s %s from a Secret, not in clear in the Deployment", module, IDENTITY_SECRET)
                        .isPresent();
            }
        });
        assertThat(secrets).as("k8s %s of each service", IDENTITY_SECRET).doesNotContainValue(null);
        assertThat(Set.copyOf(secrets.values())).as("k8s: one %s for all", IDENTITY_SECRET).hasSize(1);
        assertThat(secrets.get(GATEWAY)).hasSizeGreaterThanOrEqualTo(32);
    }

    @Test
    void composeMountsTheLocalStacksDevKeysWhereTheGatewayReadsItsKeys() {
        String file = compose.environment(GATEWAY).get(API_KEYS_FILE);
        List<String> mounts = Nodes.texts(compose.service(GATEWAY).orElseThrow().get("volumes")).stream()
                .map(Compose::interpolate).toList();

        assertThat(file).as("compose gateway %s", API_KEYS_FILE).isNotBlank();
        assertThat(mounts).as("compose gateway volumes: the dev keys file, read-only, at %s", file)
                .contains("./" + DEV_API_KEYS + ":" + file + ":ro");
    }

    @Test
    void k8sMountsTheApiKeysSecretAsADirectoryWhereTheGatewayReadsItsKeysAndItHoldsTheDevKeys() {
        Resource deployment = kubernetes.find("Deployment", GATEWAY).orElseThrow();
        Map<String, Object> container = serviceContainer(deployment, GATEWAY).orElseThrow();
        String file = kubernetes.environment(container, new ArrayList<>()).get(API_KEYS_FILE);
        assertThat(file).as("k8s gateway %s", API_KEYS_FILE).isNotBlank();
        String directory = file.substring(0, file.lastIndexOf('/'));
        Map<String, Object> mount = Nodes.maps(container.get("volumeMounts")).stream()
                .filter(candidate -> directory.equals(Nodes.text(candidate.get("mountPath")))).findFirst()
                .orElseThrow(() -> new AssertionError("k8s gateway: no volumeMount at " + directory));
        // a subPath mount never sees a changed Secret: the keys could not be rotated without a restart
        assertThat(mount).as("k8s gateway keys mount").doesNotContainKey("subPath");
        String secretName = Nodes.maps(deployment.at("spec", "template", "spec", "volumes")).stream()
                .filter(volume -> Nodes.text(mount.get("name")).equals(Nodes.text(volume.get("name"))))
                .map(volume -> Nodes.text(Nodes.at(volume, "secret", "secretName"))).findFirst().orElse(null);
        assertThat(secretName).as("k8s gateway keys volume: a Secret").isNotBlank();
        String keys = kubernetes.secretData(secretName).orElseThrow().get(file.substring(directory.length() + 1));

        assertThat(keys).as("k8s Secret %s key %s", secretName, file.substring(directory.length() + 1)).isNotNull();
        assertThat(new org.yaml.snakeyaml.Yaml().<Object>load(keys))
                .as("k8s Secret %s: the keys of %s", secretName, DEV_API_KEYS)
                .isEqualTo(Nodes.load(repository.resolve(DEV_API_KEYS)));
    }

    // ------------------------------------------------------------------ shared checks

    private static String image(String module) {
        return "omnihub/" + module + ":" + repository.releaseVersion();
    }

    private static Integer integer(Object node) {
        String text = Nodes.text(node);
        return text == null || !text.matches("-?\\d+") ? null : Integer.valueOf(text);
    }

    private static Optional<Map<String, Object>> serviceContainer(Resource deployment, String module) {
        return deployment.containers().stream()
                .filter(container -> String.valueOf(container.get("image")).startsWith("omnihub/" + module + ":"))
                .findFirst();
    }

    private static Map<String, Object> container(Resource workload, String imagePrefix) {
        return workload.containers().stream()
                .filter(container -> String.valueOf(container.get("image")).startsWith(imagePrefix))
                .findFirst().orElseThrow();
    }

    private static void checkProbe(SoftAssertions softly, String module, Map<String, Object> container, String probe,
            Pattern path, int port) {
        Object httpGet = Nodes.at(container, probe, "httpGet");
        if (httpGet == null) {
            softly.fail("%s: k8s %s is not an HTTP check of %s", module, probe, path.pattern());
            return;
        }
        softly.assertThat(Nodes.text(Nodes.at(httpGet, "path"))).as("%s: k8s %s path", module, probe).matches(path);
        softly.assertThat(Kubernetes.containerPort(container, Nodes.at(httpGet, "port")))
                .as("%s: k8s %s port", module, probe).contains(port);
    }

    /**
     * A variable that names another service's URL (INGEST_URL...) points at that service, by name and port: the
     * compose service and the k8s Service are named after the module.
     */
    private static void checkServiceUrl(SoftAssertions softly, String where, ServiceConfig config, String variable,
            String value) {
        if (!variable.endsWith("_URL")) {
            return;
        }
        HostPort local = Endpoints.url(config.defaults().get(variable));
        Optional<String> target = repository.serviceModules().stream()
                .filter(module -> repository.service(module).port() == local.port()).findFirst();
        if (target.isEmpty()) {
            softly.fail("%s: the default of %s (%s) is the port of no service module", config.module(), variable,
                    config.defaults().get(variable));
            return;
        }
        softly.assertThat(value).as("%s: %s %s", config.module(), where, variable)
                .isEqualTo("http://" + target.get() + ":" + local.port());
    }

    /** The service's own database, on a replica set the deployment initiates with the hosts the URI names. */
    private static void checkMongoUri(SoftAssertions softly, String where, ServiceConfig config, String uri,
            Function<HostPort, List<String>> textsOfHost) {
        if (uri == null) {
            return;
        }
        MongoUri parsed = MongoUri.parse(uri);
        softly.assertThat(parsed.database()).as("%s: %s MONGODB_URI database, the default of its application.yml",
                config.module(), where).isEqualTo(config.database().orElseThrow());
        softly.assertThat(parsed.options()).as("%s: %s MONGODB_URI options", config.module(), where)
                .containsEntry("w", "majority").containsKey("replicaSet");
        for (HostPort host : parsed.hosts()) {
            String texts = String.join("\n", textsOfHost.apply(host));
            Matcher replicaSet = REPLICA_SET.matcher(texts);
            if (!replicaSet.find()) {
                softly.fail("%s: %s MONGODB_URI host %s runs no mongod --replSet", config.module(), where, host);
                continue;
            }
            softly.assertThat(parsed.options().get("replicaSet"))
                    .as("%s: %s MONGODB_URI replicaSet, the --replSet of %s", config.module(), where, host)
                    .isEqualTo(replicaSet.group(1));
            String member = host.port() < 0 ? host.host() + ":27017" : host.toString();
            // compose initiates in the member's health check, k8s in a Job of its own: look at every script
            List<String> initiations = (where.equals("k8s") ? k8sTexts(null) : compose.serviceNames().stream()
                    .flatMap(name -> compose.texts(name).stream()).toList())
                    .stream().filter(text -> text.contains("rs.initiate(")).toList();
            softly.assertThat(initiations)
                    .as("%s: %s replica set initiated (rs.initiate) with the member %s the URI names", config.module(),
                            where, member)
                    .anyMatch(script -> Pattern.compile("host:\\s*['\"]" + Pattern.quote(member) + "['\"]")
                            .matcher(script).find());
        }
    }

    /** The texts of the k8s workloads behind a host (a Service, or a pod: pod.service); of all manifests for null. */
    private static List<String> k8sTexts(HostPort host) {
        if (host == null) {
            return kubernetes.all().stream().flatMap(resource -> Nodes.texts(resource.document()).stream()).toList();
        }
        String[] labels = host.host().split("\\.");
        String serviceName = labels.length > 1 ? labels[1] : labels[0];
        Map<String, Object> selector = kubernetes.find("Service", serviceName)
                .map(service -> Nodes.map(service.at("spec", "selector"))).orElse(Map.of());
        return kubernetes.all().stream()
                .filter(resource -> !selector.isEmpty()
                        && Nodes.map(resource.at("spec", "template", "metadata", "labels")).entrySet()
                                .containsAll(selector.entrySet()))
                .flatMap(resource -> Nodes.texts(resource.document()).stream())
                .toList();
    }

    /** A host a service connects to is a k8s Service, or a StatefulSet pod under its headless Service. */
    private static void checkK8sEndpoint(SoftAssertions softly, String module, String variable, HostPort endpoint) {
        String[] labels = endpoint.host().split("\\.");
        String serviceName = labels.length > 1 ? labels[1] : labels[0];
        Optional<Resource> service = kubernetes.find("Service", serviceName);
        if (service.isEmpty()) {
            softly.fail("%s: k8s %s points at %s, but there is no Service %s", module, variable, endpoint, serviceName);
            return;
        }
        if (endpoint.port() >= 0) {
            softly.assertThat(Nodes.maps(service.get().at("spec", "ports")).stream().map(p -> integer(p.get("port"))))
                    .as("%s: k8s %s port %d, a port of Service %s", module, variable, endpoint.port(), serviceName)
                    .contains(endpoint.port());
        }
        if (labels.length > 1 && !labels[0].equals(serviceName)) {
            // pod.service: a pod of a StatefulSet governed by this (headless) Service
            softly.assertThat(Nodes.text(service.get().at("spec", "clusterIP")))
                    .as("%s: k8s Service %s (resolving the pod name %s) is headless", module, serviceName, labels[0])
                    .isEqualTo("None");
            boolean pod = kubernetes.all("StatefulSet").stream().anyMatch(statefulSet -> {
                String name = statefulSet.name();
                Integer replicas = Optional.ofNullable(integer(statefulSet.at("spec", "replicas"))).orElse(1);
                return serviceName.equals(Nodes.text(statefulSet.at("spec", "serviceName")))
                        && labels[0].matches(Pattern.quote(name) + "-\\d+")
                        && Integer.parseInt(labels[0].substring(name.length() + 1)) < replicas;
            });
            softly.assertThat(pod).as("%s: k8s %s host %s is a pod of a StatefulSet with serviceName %s", module,
                    variable, endpoint.host(), serviceName).isTrue();
        }
    }

    /** The init script creates exactly the design's buckets and subscribes the inbox's puts to the Kafka topic. */
    private static void checkBucketsAndNotifications(SoftAssertions softly, String where, String script,
            Map<String, String> minioEnvironment, Predicate<HostPort> isKafkaHost) {
        Set<String> buckets = new LinkedHashSet<>();
        MC_MB.matcher(script).results().forEach(match -> buckets.add(match.group(1)));
        softly.assertThat(buckets).as("%s: buckets created by `mc mb` (Buckets.ALL)", where)
                .containsExactlyInAnyOrderElementsOf(Buckets.ALL);
        List<EventSubscription> events = MC_EVENT_ADD.matcher(script).results().map(EventSubscription::of).toList();
        softly.assertThat(events.stream().map(EventSubscription::bucket))
                .as("%s: buckets given a Kafka notification by `mc event add`", where).containsExactly(Buckets.INBOX);
        for (EventSubscription event : events) {
            softly.assertThat(event.events()).as("%s: events of %s sent to Kafka", where, event.bucket())
                    .contains("put");
            String target = event.target();
            softly.assertThat(minioEnvironment.get("MINIO_NOTIFY_KAFKA_ENABLE_" + target))
                    .as("%s: MinIO MINIO_NOTIFY_KAFKA_ENABLE_%s", where, target).isEqualTo("on");
            softly.assertThat(minioEnvironment.get("MINIO_NOTIFY_KAFKA_TOPIC_" + target))
                    .as("%s: MinIO MINIO_NOTIFY_KAFKA_TOPIC_%s (Topics.STORAGE_INBOX_EVENTS)", where, target)
                    .isEqualTo(Topics.STORAGE_INBOX_EVENTS);
            String brokers = minioEnvironment.get("MINIO_NOTIFY_KAFKA_BROKERS_" + target);
            softly.assertThat(brokers).as("%s: MinIO MINIO_NOTIFY_KAFKA_BROKERS_%s", where, target).isNotBlank();
            if (brokers != null) {
                Endpoints.kafkaBootstrap(brokers).forEach(broker -> softly.assertThat(isKafkaHost.test(broker))
                        .as("%s: MinIO's Kafka broker %s is a host of the deployment", where, broker).isTrue());
            }
        }
    }

    /** The S3 client's credentials are MinIO's root user, or a user the init script creates from the same values. */
    private static void checkS3Credentials(SoftAssertions softly, String where, String module,
            Map<String, String> environment, Map<String, String> minioEnvironment, Map<String, String> initEnvironment,
            String script) {
        String accessKey = environment.get("S3_ACCESS_KEY");
        String secretKey = environment.get("S3_SECRET_KEY");
        boolean root = accessKey != null && accessKey.equals(minioEnvironment.get("MINIO_ROOT_USER"))
                && secretKey != null && secretKey.equals(minioEnvironment.get("MINIO_ROOT_PASSWORD"));
        boolean created = accessKey != null && accessKey.equals(initEnvironment.get("S3_ACCESS_KEY"))
                && secretKey != null && secretKey.equals(initEnvironment.get("S3_SECRET_KEY"))
                && script.matches("(?s).*mc\\s+admin\\s+user\\s+add\\s+\\S+\\s+\"?\\$\\{?S3_ACCESS_KEY.*");
        softly.assertThat(root || created)
                .as("%s: %s S3_ACCESS_KEY/S3_SECRET_KEY are MinIO's root credentials or a user the init script creates",
                        module, where)
                .isTrue();
    }

    /** One `mc event add`: the bucket, the notification target id and the events. */
    private record EventSubscription(String bucket, String target, Set<String> events) {

        static EventSubscription of(java.util.regex.MatchResult match) {
            return new EventSubscription(match.group(1), match.group(2),
                    Arrays.stream(match.group(3).split(",")).map(String::trim).collect(Collectors.toSet()));
        }
    }
}
