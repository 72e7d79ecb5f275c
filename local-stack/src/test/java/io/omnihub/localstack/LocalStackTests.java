package io.omnihub.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.minio.GetObjectArgs;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import io.omnihub.contracts.Buckets;
import io.omnihub.localstack.LocalStack.Settings;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalStackTests {

    private static final Path REPO = Path.of("..");
    private static final List<Part> INFRASTRUCTURE = Part.infrastructure();

    private final List<String> output = new ArrayList<>();

    @Test
    void startsTheInfrastructureAsProcessesWhoseDataSurvivesDownAndUp(@TempDir Path home) throws Exception {
        Settings settings = infrastructureOnly(home);
        LocalStack stack = new LocalStack(settings, output::add);
        try {
            stack.up();

            assertThat(stack.status()).allSatisfy(part -> {
                assertThat(part.running()).as(part.part().id()).isTrue();
                assertThat(part.health()).isEqualTo("accepting connections");
            });
            List<Long> pids = stack.status().stream().map(part -> part.pid().getAsLong()).toList();
            writeSomethingEverywhere(stack);

            // another ./omni invocation knows the stack only from its pid files
            new LocalStack(settings, output::add).down();

            assertThat(pids).allSatisfy(pid -> assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive))
                    .isEmpty());
            assertThat(stack.status()).noneMatch(PartStatus::running);
            assertThat(home.resolve("run")).isDirectoryNotContaining("glob:**.pid");

            stack.up();

            assertThat(readEverything(stack)).containsExactly("catalog.categories", "Camiseta", "Roupas > Camisetas");
        } finally {
            stack.down();
        }
    }

    @Test
    void killsStopsAndStartsOnePartAgainOnItsPortWithItsDataLeavingTheOthersRunning(@TempDir Path home)
            throws Exception {
        LocalStack stack = new LocalStack(infrastructureOnly(home), output::add);
        try {
            stack.up();
            writeSomethingEverywhere(stack);
            long kafkaPid = stack.process(Part.KAFKA).orElseThrow().pid();
            long mongoPid = stack.process(Part.MONGO).orElseThrow().pid();
            long s3Pid = stack.process(Part.S3).orElseThrow().pid();

            // when the S3 server is killed (kill -9) and MongoDB and Kafka are stopped, then all three started again
            stack.kill(Part.S3);
            assertThat(ProcessHandle.of(s3Pid).filter(ProcessHandle::isAlive)).isEmpty();
            assertThat(stack.process(Part.S3)).isEmpty();
            assertThat(stack.process(Part.KAFKA).map(ProcessHandle::pid)).contains(kafkaPid);
            stack.stop(Part.MONGO);
            stack.stop(Part.KAFKA);
            assertThat(ProcessHandle.of(mongoPid).filter(ProcessHandle::isAlive)).isEmpty();
            assertThat(stack.status()).noneMatch(PartStatus::running);
            stack.start(Part.S3, Part.MONGO, Part.KAFKA);

            // then they are new processes on the same ports, and every byte written before is still there
            assertThat(stack.status()).allSatisfy(part -> {
                assertThat(part.running()).as(part.part().id()).isTrue();
                assertThat(part.port()).isEqualTo(stack.settings().port(part.part()));
                assertThat(part.health()).isEqualTo("accepting connections");
            });
            assertThat(stack.process(Part.S3).orElseThrow().pid()).isNotEqualTo(s3Pid);
            assertThat(readEverything(stack)).containsExactly("catalog.categories", "Camiseta", "Roupas > Camisetas");
            assertThatThrownBy(() -> {
                stack.kill(Part.S3);
                stack.kill(Part.S3);
            }).isInstanceOf(LocalStackException.class).hasMessageContaining("s3 is not running");
        } finally {
            stack.down();
        }
    }

    @Test
    void refusesToStartAServiceFromAJarWithoutMainClassSayingItMayBeBeingRebuilt(@TempDir Path home) throws Exception {
        // a jar caught half-way through another build's repackaging: a manifest, but no Main-Class yet
        Path jar = Files.createDirectories(home.resolve("catalog-service").resolve("target"))
                .resolve("catalog-service-0.1.0-SNAPSHOT-exec.jar");
        java.util.jar.Manifest manifest = new java.util.jar.Manifest();
        manifest.getMainAttributes().put(java.util.jar.Attributes.Name.MANIFEST_VERSION, "1.0");
        new java.util.jar.JarOutputStream(Files.newOutputStream(jar), manifest).close();
        Settings settings = Settings.forTests(home, home).withParts(Part.CATALOG);

        assertThatThrownBy(() -> new LocalStack(settings, output::add).up())
                .isInstanceOf(LocalStackException.class)
                .hasMessageContaining("has no Main-Class in its manifest (being rebuilt right now?)");
        assertThat(home.resolve("run").resolve("catalog-service.pid")).doesNotExist();
    }

    @Test
    void refusesToStartWhenAPortIsTakenAndSaysWhichPart(@TempDir Path home) throws Exception {
        Settings settings = infrastructureOnly(home);
        int mongoPort = settings.port(Part.MONGO);
        try (ServerSocket taken = new ServerSocket(mongoPort, 1, InetAddress.getByName("127.0.0.1"))) {

            assertThatThrownBy(() -> new LocalStack(settings, output::add).up())
                    .isInstanceOf(LocalStackException.class)
                    .hasMessageContaining("port " + mongoPort + " (mongo) is already in use");
        }
        assertThat(output).as("nothing was started").isEmpty();
    }

    @Test
    void refusesToStartAServiceWhoseJarIsNotBuilt(@TempDir Path home) {
        Settings settings = Settings.forTests(home, home).withParts(Part.CATALOG);

        assertThatThrownBy(() -> new LocalStack(settings, output::add).up())
                .isInstanceOf(LocalStackException.class)
                .hasMessageContaining("catalog-service: no runnable jar")
                .hasMessageContaining("./mvnw -DskipTests install");
    }

    @Test
    void reportsAPartThatDiesDuringStartUpWithTheEndOfItsLog(@TempDir Path home) throws Exception {
        Path emptyClasspath = Files.createDirectories(home.resolve("empty"));
        Settings settings = infrastructureOnly(home).withParts(Part.MONGO).withInfraClasspath(emptyClasspath.toString());

        assertThatThrownBy(() -> new LocalStack(settings, output::add).up())
                .isInstanceOf(LocalStackException.class)
                .hasMessageContaining("mongo exited during start-up")
                .hasMessageContaining(EmbeddedMongo.class.getName());
        assertThat(home.resolve("run").resolve("mongo.pid")).doesNotExist();
    }

    @Test
    void downLeavesAloneAProcessThatMerelyReusedARecordedPid(@TempDir Path home) throws Exception {
        Process unrelated = new ProcessBuilder("sleep", "60").start();
        try {
            LocalStack stack = new LocalStack(infrastructureOnly(home), output::add);
            new PidFile(unrelated.pid(), Instant.now().minusSeconds(3600), 9092).write(stack.pidFile(Part.KAFKA));

            stack.down();

            assertThat(unrelated.isAlive()).isTrue();
            assertThat(stack.pidFile(Part.KAFKA)).doesNotExist();
        } finally {
            unrelated.destroyForcibly();
        }
    }

    @Test
    void givesTheServicesTheirPortsAndTheInfrastructureAndTheGatewayItsRoutes(@TempDir Path home) {
        LocalStack stack = new LocalStack(Settings.forTests(REPO, home).withEnv("INBOX_POLL_INTERVAL", "200ms"));

        Map<String, String> ingest = stack.serviceEnvironment(Part.INGEST);
        Map<String, String> gateway = stack.serviceEnvironment(Part.GATEWAY);

        assertThat(ingest)
                .containsEntry("SERVER_PORT", Integer.toString(stack.settings().port(Part.INGEST)))
                .containsEntry("KAFKA_BOOTSTRAP_SERVERS", stack.kafkaBootstrapServers())
                .containsEntry("MONGODB_URI", stack.mongoUri("ingest"))
                .containsEntry("S3_ENDPOINT", stack.s3Endpoint())
                .containsEntry("S3_ACCESS_KEY", "omnihub")
                .containsEntry("S3_SECRET_KEY", "omnihub-secret")
                .containsEntry("INBOX_POLL_INTERVAL", "200ms");
        assertThat(stack.serviceEnvironment(Part.ORDER)).containsEntry("MONGODB_URI", stack.mongoUri("orders"));
        assertThat(gateway)
                .containsEntry("SERVER_PORT", Integer.toString(stack.settings().port(Part.GATEWAY)))
                .containsEntry("INGEST_URL", stack.serviceUrl(Part.INGEST))
                .containsEntry("CATALOG_URL", stack.serviceUrl(Part.CATALOG))
                .containsEntry("INVENTORY_URL", stack.serviceUrl(Part.INVENTORY))
                .containsEntry("ORDER_URL", stack.serviceUrl(Part.ORDER))
                .containsEntry("COUPON_URL", stack.serviceUrl(Part.COUPON))
                .doesNotContainKey("MONGODB_URI");
    }

    @Test
    void givesTheGatewayAndEveryServiceOneIdentitySecretThatSurvivesARestartOfTheLauncher(@TempDir Path home)
            throws Exception {
        LocalStack stack = new LocalStack(Settings.forTests(REPO, home));

        List<String> secrets = Part.services().stream()
                .map(part -> stack.serviceEnvironment(part).get("OMNIHUB_IDENTITY_SECRET")).distinct().toList();

        assertThat(secrets).hasSize(1);
        assertThat(secrets.get(0)).hasSizeGreaterThanOrEqualTo(32);
        // another ./omni invocation on the same home signs with the same secret; another home has its own
        assertThat(new LocalStack(Settings.forTests(REPO, home)).identitySecret()).isEqualTo(secrets.get(0));
        assertThat(new LocalStack(Settings.forTests(REPO, home.resolve("other"))).identitySecret())
                .isNotEqualTo(secrets.get(0));
        assertThat(Files.getPosixFilePermissions(home.resolve("identity-secret")))
                .containsExactlyInAnyOrder(java.nio.file.attribute.PosixFilePermission.OWNER_READ,
                        java.nio.file.attribute.PosixFilePermission.OWNER_WRITE);
    }

    @Test
    void givesTheGatewayTheDevKeysAsHashesInAFileOfTheStackThatEditsSurvive(@TempDir Path home) throws Exception {
        LocalStack stack = new LocalStack(Settings.forTests(REPO, home));

        Path keys = Path.of(stack.serviceEnvironment(Part.GATEWAY).get("OMNIHUB_API_KEYS_FILE"));

        assertThat(keys).isEqualTo(home.resolve("api-keys.yml").toAbsolutePath());
        String content = Files.readString(keys);
        assertThat(LocalStack.DEV_API_KEYS).allSatisfy(key -> {
            assertThat(content).as("the clear key never, only its hash").doesNotContain(" " + key + "\n")
                    .contains("client: " + key.replace("dev-", "local-") + "\n").contains(sha256(key));
        });
        assertThat(stack.serviceEnvironment(Part.CATALOG)).doesNotContainKey("OMNIHUB_API_KEYS_FILE");

        Files.writeString(keys, "keys: []\n");
        assertThat(Files.readString(new LocalStack(Settings.forTests(REPO, home)).apiKeysFile()))
                .isEqualTo("keys: []\n");
    }

    private static String sha256(String text) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void appendsTheJvmOptionsGivenForOnePartAfterItsDefaults(@TempDir Path home) {
        Settings settings = Settings.forTests(REPO, home)
                .withJvmOptions(Part.INGEST, "-Xmx256m")
                .withJvmOptions(Part.INGEST, "-Xlog:gc");

        LocalStack stack = new LocalStack(settings);

        assertThat(stack.jvmOptions(Part.INGEST))
                .startsWith(LocalStack.SERVICE_JVM.toArray(String[]::new))
                .endsWith("-Xmx256m", "-Xlog:gc");
        assertThat(stack.jvmOptions(Part.CATALOG)).isEqualTo(LocalStack.SERVICE_JVM);
        assertThat(new LocalStack(settings.withJvmOptions(Part.MONGO, "-Xmx1g")).jvmOptions(Part.MONGO))
                .startsWith(LocalStack.MONGO_JVM.toArray(String[]::new))
                .endsWith("-Xmx1g");
        assertThat(stack.jvmOptions(Part.KAFKA)).isEqualTo(KafkaBroker.Options.DEFAULT_JVM_OPTIONS);
    }

    private static Settings infrastructureOnly(Path home) {
        return Settings.forTests(REPO, home)
                .withParts(INFRASTRUCTURE)
                .withInfraClasspath(System.getProperty("java.class.path"));
    }

    private static void writeSomethingEverywhere(LocalStack stack) throws Exception {
        try (Admin admin = admin(stack)) {
            admin.createTopics(List.of(new NewTopic("catalog.categories", Optional.empty(), Optional.empty())))
                    .all().get();
        }
        try (MongoClient mongo = MongoClients.create(stack.mongoUri("catalog"))) {
            mongo.getDatabase("catalog").getCollection("products")
                    .insertOne(new Document("_id", "3266").append("name", "Camiseta"));
        }
        byte[] content = "Roupas > Camisetas".getBytes(StandardCharsets.UTF_8);
        s3(stack).putObject(PutObjectArgs.builder().bucket(Buckets.INBOX).object("categories/c.txt")
                .stream(new ByteArrayInputStream(content), content.length, -1).build());
    }

    private static List<String> readEverything(LocalStack stack) throws Exception {
        List<String> found = new ArrayList<>();
        try (Admin admin = admin(stack)) {
            found.addAll(admin.listTopics().names().get());
        }
        try (MongoClient mongo = MongoClients.create(stack.mongoUri("catalog"))) {
            found.add(mongo.getDatabase("catalog").getCollection("products")
                    .find(new Document("_id", "3266")).first().getString("name"));
        }
        try (InputStream object = s3(stack).getObject(GetObjectArgs.builder().bucket(Buckets.INBOX)
                .object("categories/c.txt").build())) {
            found.add(new String(object.readAllBytes(), StandardCharsets.UTF_8));
        }
        return found;
    }

    private static Admin admin(LocalStack stack) {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers()));
    }

    private static MinioClient s3(LocalStack stack) {
        return MinioClient.builder().endpoint(stack.s3Endpoint())
                .credentials(LocalStack.S3_ACCESS_KEY, LocalStack.S3_SECRET_KEY).build();
    }
}
