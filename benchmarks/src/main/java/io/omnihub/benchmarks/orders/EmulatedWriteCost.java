package io.omnihub.benchmarks.orders;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import io.omnihub.localstack.EmbeddedMongo;
import java.lang.management.ManagementFactory;
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

/**
 * What one revision-conditional write of an order costs on the local stack's MongoDB ({@code EmbeddedMongo}:
 * mongo-java-server's H2 backend in memory, tuned, as the local stack and the tests run it) by the collection's size,
 * the way order-service wrote it before and now. Before: the condition was the unique {@code revisionKey}
 * ({@code id@revision}) alone, the only condition the emulator served from an index, and each write moved that key
 * (a second unique index kept up to date). Now: {@code {_id, revision}}, which the emulator serves from the
 * {@code _id} index since local-stack commit 0524718, and no second index. Client and server in this one JVM: CPU
 * time of the process per write, the same client work in both but the key's {@code $set}.
 *
 * <pre>
 * java -cp "benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)" \
 *      io.omnihub.benchmarks.orders.EmulatedWriteCost [--sizes 1000,10000,50000] [--writes 5000] [--out FILE]
 * </pre>
 */
public final class EmulatedWriteCost {

    private EmulatedWriteCost() {
    }

    public static void main(String[] args) throws Exception {
        List<Integer> sizes = List.of(1_000, 10_000, 50_000);
        int writes = 5_000;
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
                + "local stack's MongoDB, %s%n%nEmbeddedMongo (mongo-java-server 1.47, tuned H2 backend in memory), "
                + "orders of about 3 KB, %d writes per case at random orders after as many to warm up, each case "
                + "on its own server, twice (ABBA); CPU of the one JVM (client and server) per write, the best of "
                + "four rounds. Load average before: %s.%n%n| orders stored | before: by unique revisionKey, key "
                + "moved | now: by {_id, revision}, no second index | now / before |%n| ---: | ---: | ---: | ---: |%n",
                ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")),
                writes, Load.average()));
        for (int size : sizes) {
            // each scheme before and after the other (ABBA), the better kept: the JIT's warming favours neither
            double byKey = measure(size, writes, false);
            double byId = measure(size, writes, true);
            byId = Math.min(byId, measure(size, writes, true));
            byKey = Math.min(byKey, measure(size, writes, false));
            report.append(String.format(Locale.ROOT, "| %,d | %.3f ms | %.3f ms | %.2f |%n", size, byKey, byId,
                    byId / byKey));
            System.out.printf(Locale.ROOT, "%,d orders: revisionKey %.3f ms, {_id, revision} %.3f ms per write%n",
                    size, byKey, byId);
        }
        report.append(String.format(Locale.ROOT, "%nLoad average after: %s.%n", Load.average()));
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, report);
        System.out.print(report);
    }

    /** CPU ms per write of one scheme on a server of its own: the better of two rounds after a warm-up round. */
    private static double measure(int size, int writes, boolean byIdAndRevision) {
        try (EmbeddedMongo server = EmbeddedMongo.start(0, null);
                MongoClient client = MongoClients.create(server.connectionString("orders"))) {
            MongoCollection<Document> orders = client.getDatabase("orders").getCollection("orders");
            if (!byIdAndRevision) {
                orders.createIndex(Indexes.ascending("revisionKey"), new IndexOptions().unique(true).sparse(true));
            }
            String filler = "x".repeat(3_000);
            List<Document> documents = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                Document order = new Document("_id", "ord-" + i).append("revision", 1L).append("filler", filler)
                        .append("outbox", List.of());
                if (!byIdAndRevision) {
                    order.append("revisionKey", "ord-" + i + "@1");
                }
                documents.add(order);
                if (documents.size() == 1_000) {
                    orders.insertMany(documents);
                    documents.clear();
                }
            }
            if (!documents.isEmpty()) {
                orders.insertMany(documents);
            }
            long[] revisions = new long[size];
            java.util.Arrays.fill(revisions, 1L);
            Random random = new Random(size);
            write(orders, revisions, random, writes, byIdAndRevision);
            return Math.min(write(orders, revisions, random, writes, byIdAndRevision),
                    write(orders, revisions, random, writes, byIdAndRevision));
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
            List<org.bson.conversions.Bson> changes = new ArrayList<>(List.of(Updates.set("revision", revision + 1),
                    Updates.set("outbox", List.of())));
            if (!byIdAndRevision) {
                changes.add(Updates.set("revisionKey", id + "@" + (revision + 1)));
            }
            long matched = orders.updateOne(asRead, Updates.combine(changes)).getMatchedCount();
            if (matched != 1) {
                throw new IllegalStateException("order " + id + " at revision " + revision + " not matched");
            }
            revisions[i] = revision + 1;
        }
        return (os.getProcessCpuTime() - before) / 1e6 / writes;
    }
}
