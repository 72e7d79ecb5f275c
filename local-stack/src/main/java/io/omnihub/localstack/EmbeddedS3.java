package io.omnihub.localstack;

import io.omnihub.contracts.Buckets;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.blobstore.BlobStore;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;

/**
 * An S3 server (S3Proxy) on 127.0.0.1 storing buckets and objects as files under one directory, with the buckets of
 * the design created at start.
 */
public final class EmbeddedS3 implements AutoCloseable {

    public static final String DEFAULT_ACCESS_KEY = "omnihub";
    public static final String DEFAULT_SECRET_KEY = "omnihub-secret";

    private final S3Proxy proxy;
    private final BlobStore store;
    private final Path directory;

    private EmbeddedS3(S3Proxy proxy, BlobStore store, Path directory) {
        this.proxy = proxy;
        this.store = store;
        this.directory = directory;
    }

    public static EmbeddedS3 start(int port, Path directory) {
        return start(port, directory, DEFAULT_ACCESS_KEY, DEFAULT_SECRET_KEY);
    }

    /** Starts the server; port 0 takes any free port. The buckets that already exist are kept as they are. */
    public static EmbeddedS3 start(int port, Path directory, String accessKey, String secretKey) {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        BlobStore store = new FilesystemNio2BlobStore(directory.toAbsolutePath().toString());
        Buckets.ALL.stream().filter(bucket -> !store.containerExists(bucket)).forEach(store::createContainer);
        S3Proxy proxy = S3Proxy.builder()
                .blobStore(store)
                .endpoint(URI.create("http://" + Ports.HOST + ":" + port))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, accessKey, secretKey)
                // no graceful phase: Jetty would wait for idle keep-alive connections of clients, 2 s at every stop
                .stopTimeout(0)
                .build();
        try {
            proxy.start();
        } catch (Exception e) {
            throw new LocalStackException("S3 server could not listen on " + Ports.HOST + ":" + port
                    + " (" + e.getMessage() + ")", e);
        }
        return new EmbeddedS3(proxy, store, directory);
    }

    public int port() {
        return proxy.getPort();
    }

    public String endpoint() {
        return "http://" + Ports.HOST + ":" + port();
    }

    @Override
    public void close() {
        try {
            proxy.stop();
        } catch (Exception e) {
            throw new LocalStackException("S3 server did not stop: " + e.getMessage(), e);
        } finally {
            store.close();
        }
    }

    @Override
    public String toString() {
        return "S3 server on " + endpoint() + " (directory " + directory + ")";
    }

    /** The process of ./omni: {@code --port 9000 --dir <dir> --access-key k --secret-key s}. */
    public static void main(String[] args) throws InterruptedException {
        Args options = new Args(args);
        EmbeddedS3 s3 = start(options.getInt("port", 9000), Path.of(options.get("dir", "s3-data")),
                options.get("access-key", DEFAULT_ACCESS_KEY), options.get("secret-key", DEFAULT_SECRET_KEY));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            s3.close();
            stopped.countDown();
        }, "s3-shutdown"));
        System.out.println("READY " + s3);
        stopped.await();
    }
}
