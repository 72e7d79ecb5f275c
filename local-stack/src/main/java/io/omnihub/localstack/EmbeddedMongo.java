package io.omnihub.localstack;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import org.h2.mvstore.MVStore;

/**
 * A MongoDB-wire server (mongo-java-server) on 127.0.0.1 with the H2 backend: in a file when one is given, so the
 * data survives restarts, else in memory.
 */
public final class EmbeddedMongo implements AutoCloseable {

    /**
     * H2 writes the changed pages of its B-trees once a second, or sooner when this much has changed (its default is
     * 1 MiB): under a stream of writes the sooner came many times a second, each rewriting the same upper pages.
     * Measured in one JVM (50,000 upserts of 20-field documents), 16 MiB took a quarter to a third of the CPU per
     * upsert; what a crash can lose stays at most the last second.
     */
    static final int COMMIT_BUFFER_KB = 16 * 1024;
    /**
     * H2's cache of B-tree pages (its default is 16 MiB): a page that is not in it is read from the file and decoded
     * whole. Measured in one JVM, updates of 100,000 stored 20-field documents in random order: 0.59 → 0.45 ms of CPU
     * each with 64 MiB. The process's heap ({@code LocalStack.MONGO_JVM}) leaves room for it.
     */
    static final int CACHE_MB = 64;

    private final MongoServer server;
    private final int port;
    private final Path file;

    private EmbeddedMongo(MongoServer server, int port, Path file) {
        this.server = server;
        this.port = port;
        this.file = file;
    }

    /** Starts the server; port 0 takes any free port. */
    public static EmbeddedMongo start(int port, Path h2FileOrNull) {
        H2Backend backend = new HelloAnsweringBackend(h2FileOrNull == null ? null : prepare(h2FileOrNull));
        MongoServer server = new MongoServer(backend);
        try {
            server.bind(Ports.HOST, port);
        } catch (RuntimeException e) {
            backend.close();
            throw new LocalStackException("MongoDB server could not listen on " + Ports.HOST + ":" + port
                    + " (" + e.getMessage() + ")", e);
        }
        InetSocketAddress address = server.getLocalAddress();
        return new EmbeddedMongo(server, address.getPort(), h2FileOrNull);
    }

    public int port() {
        return port;
    }

    public String connectionString(String database) {
        return "mongodb://" + Ports.HOST + ":" + port + "/" + database;
    }

    /** Stops listening and closes the backend, which writes the H2 file in a consistent state. */
    @Override
    public void close() {
        server.shutdown();
    }

    @Override
    public String toString() {
        return "MongoDB wire server on " + Ports.HOST + ":" + port + (file == null ? " (in memory)" : " (file " + file + ")");
    }

    /** The process of ./omni: {@code --port 27017 --file <h2 file>}; stops cleanly on SIGTERM. */
    public static void main(String[] args) throws InterruptedException {
        Args options = new Args(args);
        String file = options.get("file", null);
        EmbeddedMongo mongo = start(options.getInt("port", 27017), file == null ? null : Path.of(file));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            mongo.close();
            stopped.countDown();
        }, "mongo-shutdown"));
        System.out.println("READY " + mongo);
        stopped.await();
    }

    /**
     * mongo-java-server's H2 backend, stored more cheaply ({@link TunedH2Backend}), that also answers {@code hello}
     * (1.47 knows the legacy {@code isMaster} only, and Spring Boot's MongoDB health indicator sends {@code hello}:
     * every service would report DOWN).
     */
    private static final class HelloAnsweringBackend extends TunedH2Backend {

        HelloAnsweringBackend(String fileOrNullForMemory) {
            super(fileOrNullForMemory == null ? MVStore.open(null) : new MVStore.Builder().fileName(fileOrNullForMemory)
                    .autoCommitBufferSize(COMMIT_BUFFER_KB).cacheSize(CACHE_MB).open());
        }

        @Override
        public Document handleCommand(Channel channel, String database, String command, Document query) {
            if ("hello".equalsIgnoreCase(command)) {
                Document reply = super.handleCommand(channel, database, "isMaster", query);
                reply.put("isWritablePrimary", Boolean.TRUE);
                return reply;
            }
            return super.handleCommand(channel, database, command, query);
        }
    }

    private static String prepare(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file.toAbsolutePath().toString();
    }
}
