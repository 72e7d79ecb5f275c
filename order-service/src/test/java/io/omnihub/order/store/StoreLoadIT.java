package io.omnihub.order.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.omnihub.order.PlainMongo;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Today's counts per store while routing counts, the writer moves counts to MongoDB and routing reads them back, all
 * at once: every fresh read holds each count once (none missed while on its way to MongoDB, none seen twice).
 */
class StoreLoadIT {

    private static final List<String> STORES = List.of("LJ001", "LJ002", "LJ003");

    @Test
    void readsEveryCountOnceWhileCountsAreWrittenAndCountedConcurrently() throws Exception {
        try (PlainMongo mongo = PlainMongo.open("orders-store-load-it")) {
            Stores stores = new Stores(mongo.template(), Clock.systemUTC());
            AtomicLongArray started = new AtomicLongArray(STORES.size());
            AtomicLongArray done = new AtomicLongArray(STORES.size());
            AtomicBoolean counting = new AtomicBoolean(true);
            ConcurrentLinkedQueue<String> wrong = new ConcurrentLinkedQueue<>();
            AtomicLong reads = new AtomicLong();
            ExecutorService threads = Executors.newFixedThreadPool(4);
            try {
                List<Future<?>> work = new ArrayList<>();
                for (int t = 0; t < 2; t++) {
                    work.add(threads.submit(() -> {
                        for (int i = 0; i < 3_000; i++) {
                            int store = i % STORES.size();
                            started.incrementAndGet(store);
                            stores.loaded(STORES.get(store), 1);
                            done.incrementAndGet(store);
                            if (i % 10 == 0) {
                                pause();
                            }
                        }
                    }));
                }
                Future<?> writer = threads.submit(() -> {
                    while (counting.get()) {
                        stores.writeLoad();
                        pause();
                    }
                });
                Future<?> reader = threads.submit(() -> {
                    for (int read = 0; counting.get(); read++) {
                        // each set lacks a store of the one before: every read is from MongoDB, not the last view
                        List<String> asked = read % 2 == 0 ? STORES.subList(0, 2) : STORES.subList(2, 3);
                        long[] before = new long[STORES.size()];
                        for (int s = 0; s < STORES.size(); s++) {
                            before[s] = done.get(s);
                        }
                        Map<String, Long> counts = stores.loadToday(asked);
                        if (!asked.containsAll(counts.keySet())) {
                            wrong.add("asked for " + asked + ", answered " + counts);
                        }
                        for (int s = 0; s < STORES.size(); s++) {
                            long counted = counts.getOrDefault(STORES.get(s), asked.contains(STORES.get(s)) ? 0L : -1L);
                            if (counted != -1 && (counted < before[s] || counted > started.get(s))) {
                                wrong.add(STORES.get(s) + ": " + counted + " not within " + before[s] + ".."
                                        + started.get(s));
                            }
                        }
                        reads.incrementAndGet();
                    }
                });
                for (Future<?> counter : work) {
                    counter.get(60, TimeUnit.SECONDS);
                }
                counting.set(false);
                writer.get(60, TimeUnit.SECONDS);
                reader.get(60, TimeUnit.SECONDS);
            } finally {
                threads.shutdownNow();
            }
            stores.writeLoad();

            assertThat(wrong).isEmpty();
            assertThat(reads.get()).isPositive();
            assertThat(new Stores(mongo.template(), Clock.systemUTC()).loadToday(STORES))
                    .containsEntry("LJ001", 2_000L).containsEntry("LJ002", 2_000L).containsEntry("LJ003", 2_000L);
        }
    }

    @Test
    void countsWithoutWaitingForAWriteUnderWayAndReadsOnlyOnceItLanded() throws Exception {
        try (PlainMongo mongo = PlainMongo.open("orders-store-load-paused-it")) {
            CountDownLatch writing = new CountDownLatch(1);
            CountDownLatch land = new CountDownLatch(1);
            Stores stores = new Stores(pausingBulkWrites(mongo.template(), writing, land), Clock.systemUTC());
            ExecutorService threads = Executors.newFixedThreadPool(3);
            try {
                stores.loaded("LJ001", 5);
                Future<?> write = threads.submit(stores::writeLoad);
                assertThat(writing.await(10, TimeUnit.SECONDS)).isTrue();

                // while the 5 are on their way to MongoDB: counting goes on, a read waits for them to land
                threads.submit(() -> stores.loaded("LJ001", 1)).get(10, TimeUnit.SECONDS);
                Future<Map<String, Long>> read = threads.submit(() -> stores.loadToday(List.of("LJ001")));
                Thread.sleep(200);
                boolean readDuringTheWrite = read.isDone();
                land.countDown();
                write.get(10, TimeUnit.SECONDS);

                assertThat(readDuringTheWrite).as("read while the write was under way").isFalse();
                assertThat(read.get(10, TimeUnit.SECONDS)).containsExactly(Map.entry("LJ001", 6L));
            } finally {
                land.countDown();
                threads.shutdownNow();
            }
        }
    }

    /** The template whose bulk writes, once begun, wait for {@code land} (saying so on {@code writing}). */
    private static MongoTemplate pausingBulkWrites(MongoTemplate template, CountDownLatch writing, CountDownLatch land) {
        return new MongoTemplate(template.getMongoDatabaseFactory(), template.getConverter()) {
            @Override
            public BulkOperations bulkOps(BulkOperations.BulkMode mode, Class<?> entityClass) {
                BulkOperations bulk = super.bulkOps(mode, entityClass);
                return (BulkOperations) Proxy.newProxyInstance(BulkOperations.class.getClassLoader(),
                        new Class<?>[] {BulkOperations.class}, (proxy, method, arguments) -> {
                            if (method.getName().equals("execute")) {
                                writing.countDown();
                                land.await();
                            }
                            try {
                                Object result = method.invoke(bulk, arguments);
                                return result == bulk ? proxy : result;
                            } catch (InvocationTargetException e) {
                                throw e.getCause();
                            }
                        });
            }
        };
    }

    private static void pause() {
        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
    }
}
