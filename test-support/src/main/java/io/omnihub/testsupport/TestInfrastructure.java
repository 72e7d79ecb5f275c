package io.omnihub.testsupport;

import io.minio.MinioClient;
import io.omnihub.localstack.EmbeddedMongo;
import io.omnihub.localstack.EmbeddedS3;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * One in-memory MongoDB-wire server and one S3 server (buckets of the design created, files in a temp directory) per
 * test JVM, started on free ports on first use and stopped when the JVM exits. Kafka comes from spring-kafka-test's
 * {@code @EmbeddedKafka}.
 *
 * <pre>{@code
 * @DynamicPropertySource
 * static void infrastructure(DynamicPropertyRegistry registry) {
 *     registry.add("spring.mongodb.uri", () -> TestInfrastructure.mongoUri("catalog"));
 *     registry.add("omnihub.s3.endpoint", TestInfrastructure::s3Endpoint);
 * }
 * }</pre>
 */
public final class TestInfrastructure {

    public static final String S3_ACCESS_KEY = EmbeddedS3.DEFAULT_ACCESS_KEY;
    public static final String S3_SECRET_KEY = EmbeddedS3.DEFAULT_SECRET_KEY;

    private static EmbeddedMongo mongo;
    private static EmbeddedS3 s3;
    private static Path s3Directory;

    private TestInfrastructure() {
    }

    /** {@code mongodb://127.0.0.1:<port>/<database>}; tests that must not see each other's data use distinct names. */
    public static String mongoUri(String database) {
        return mongo().connectionString(database);
    }

    public static synchronized EmbeddedMongo mongo() {
        if (mongo == null) {
            mongo = EmbeddedMongo.start(0, null);
            Runtime.getRuntime().addShutdownHook(new Thread(mongo::close, "test-mongo-shutdown"));
        }
        return mongo;
    }

    /** {@code http://127.0.0.1:<port>}, path-style, credentials {@link #S3_ACCESS_KEY}/{@link #S3_SECRET_KEY}. */
    public static String s3Endpoint() {
        return s3().endpoint();
    }

    public static synchronized EmbeddedS3 s3() {
        if (s3 == null) {
            try {
                s3Directory = Files.createTempDirectory("omnihub-test-s3-");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            s3 = EmbeddedS3.start(0, s3Directory, S3_ACCESS_KEY, S3_SECRET_KEY);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                s3.close();
                deleteRecursively(s3Directory);
            }, "test-s3-shutdown"));
        }
        return s3;
    }

    /** A MinIO client for the shared S3 server, e.g. to put a fixture into the inbox. */
    public static MinioClient s3Client() {
        return MinioClient.builder().endpoint(s3Endpoint()).credentials(S3_ACCESS_KEY, S3_SECRET_KEY).build();
    }

    private static void deleteRecursively(Path directory) {
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        } catch (IOException ignored) {
            // a temp directory left behind is harmless
        }
    }
}
