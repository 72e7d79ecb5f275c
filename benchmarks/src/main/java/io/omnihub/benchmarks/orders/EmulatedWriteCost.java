package io.omnihub.benchmarks.orders;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.bson.Document;
import org.h2.mvstore.MVStore;

/**
 * What one revision-conditional write of an order costs on the emulated MongoDB (mongo-java-server, H2 in memory,
 * as the local stack runs it) by the collection's size: matched by {@code {_id, revision}} (which it serves by
 * reading every document, as it serves any query whose fields are not exactly a unique index's) against matched by
 * the unique {@code revisionKey} alone (served from that index). Client and server in this one JVM: CPU time of the
 * process per write, the same client work in both; the difference is the server's.
 *
 * <pre>
 * java -cp "benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)" \
 *      io.omnihub.benchmarks.orders.EmulatedWriteCost [--sizes 1000,3000,10000] [--writes 2000] [--out FILE]
 * </pre>
 */
public final class EmulatedWriteCost {

    private EmulatedWriteCost() {
    }

    public static void main(String[] args) throws Exception {
        List<Integer> sizes = List.of(1_000, 3_000, 10_000);
        int writes = 2_000;
        Path out = Path.of("benchmarks/target/bench/orders-emulated-writes.md");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--sizes" -> sizes = List.of(args[++i].split(",")).stream().map(Integer::parseInt).toList();
                case "--writes" -> writes = Integer.parseInt(args[++i]);
                case "--out" -> out = Path.of(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        StringBuilder report = new StringBuilder(String.format(Locale.ROOT, "## Revision-conditional writes on the "
                + "emulated MongoDB, %s%n%nmongo-java-server 1.47 with the H2 backend in memory (as the local stack "
                + "runs it), orders of about 3 KB, %d writes per case at random orders after as many to warm up; CPU "
                + "of the one JVM (client and server) per write. Load average before: %s.%n%n| orders stored | "
                + "matched by {_id, revision} | matched by revisionKey (unique) | ratio |%n| ---: | ---: | ---: | ---: |%n",
                ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")),
                writes, Load.average()));
        for (int size : sizes) {
            double[] costs = measure(size, writes);
            report.append(String.format(Locale.ROOT, "| %,d | %.2f ms | %.2f ms | %.1f × |%n", size, costs[0], costs[1],
                    costs[0] / costs[1]));
            System.out.printf(Locale.ROOT, "%,d orders: {_id, revision} %.2f ms, revisionKey %.2f ms per write%n", size,
                    costs[0], costs[1]);
        }
        report.append(String.format(Locale.ROOT, "%nLoad average after: %s.%n", Load.average()));
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, report);
        System.out.print(report);
    }

    /** CPU ms per write: [by id and revision, by revisionKey], each the better of two rounds. */
    private static double[] measure(int size, int writes) {
        MongoServer server = new MongoServer(new H2Backend(MVStore.open(null)));
        InetSocketAddress address = server.bind();
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort())) {
            MongoCollection<Document> orders = client.getDatabase("orders").getCollection("orders");
            orders.createIndex(Indexes.ascending("revisionKey"), new IndexOptions().unique(true).sparse(true));
            String filler = "x".repeat(3_000);
            List<Document> documents = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                documents.add(new Document("_id", "ord-" + i).append("revision", 1L)
                        .append("revisionKey", "ord-" + i + "@1").append("filler", filler).append("outbox", List.of()));
            }
            orders.insertMany(documents);
            long[] revisions = new long[size];
            java.util.Arrays.fill(revisions, 1L);
            Random random = new Random(size);
            write(orders, revisions, random, writes, true);
            write(orders, revisions, random, writes, false);
            double byId = Math.min(write(orders, revisions, random, writes, true),
                    write(orders, revisions, random, writes, true));
            double byKey = Math.min(write(orders, revisions, random, writes, false),
                    write(orders, revisions, random, writes, false));
            return new double[] {byId, byKey};
        } finally {
            server.shutdownNow();
        }
    }

    private static double write(MongoCollection<Document> orders, long[] revisions, Random random, int writes,
            boolean byIdAndRevision) {
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long before = os.getProcessCpuTime();
        for (int k = 0; k < writes; k++) {
            int i = random.nextInt(revisions.length);
            String id = "ord-" + i;
            long revision = revisions[i];
            Document asRead = byIdAndRevision ? new Document("_id", id).append("revision", revision)
                    : new Document("revisionKey", id + "@" + revision);
            long matched = orders.updateOne(asRead, Updates.combine(Updates.set("revision", revision + 1),
                    Updates.set("revisionKey", id + "@" + (revision + 1)), Updates.set("outbox", List.of())))
                    .getMatchedCount();
            if (matched != 1) {
                throw new IllegalStateException("order " + id + " at revision " + revision + " not matched");
            }
            revisions[i] = revision + 1;
        }
        return (os.getProcessCpuTime() - before) / 1e6 / writes;
    }
}
