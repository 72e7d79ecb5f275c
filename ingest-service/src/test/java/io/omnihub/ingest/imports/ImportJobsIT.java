package io.omnihub.ingest.imports;

import static org.assertj.core.api.Assertions.assertThat;

import io.omnihub.ingest.storage.StoredObject;
import io.omnihub.testsupport.TestInfrastructure;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.mongodb.test.autoconfigure.DataMongoTest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Claiming jobs against a real MongoDB-wire server, as two replicas would. */
@DataMongoTest(properties = "spring.data.mongodb.auto-index-creation=true")
class ImportJobsIT {

    private static final Duration LEASE = Duration.ofMinutes(2);

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> TestInfrastructure.mongoUri("ingest-jobs-" + UUID.randomUUID()));
    }

    @Autowired
    MongoTemplate mongo;

    private final MutableClock clock = new MutableClock();

    @Test
    void manyWorkersRacingForOneObjectGiveItToExactlyOne() throws Exception {
        var object = object();
        var workers = List.of(new ImportJobs(mongo, clock), new ImportJobs(mongo, clock),
                new ImportJobs(mongo, clock), new ImportJobs(mongo, clock));
        List<Callable<Optional<ImportJob>>> claims = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            ImportJobs worker = workers.get(i % workers.size());
            claims.add(() -> worker.claim(ImportKind.CATEGORIES, object, LEASE));
        }

        List<Optional<ImportJob>> results = new ArrayList<>();
        var pool = Executors.newFixedThreadPool(8);
        try {
            for (Future<Optional<ImportJob>> result : pool.invokeAll(claims)) {
                results.add(result.get());
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(results.stream().filter(Optional::isPresent)).hasSize(1);
        assertThat(mongo.findAll(ImportJob.class)).filteredOn(job -> job.source().equals(object.source())).hasSize(1);
    }

    @Test
    void aJobAbandonedByADeadWorkerIsTakenOverOnlyAfterItsLease() {
        var object = object();
        var dead = new ImportJobs(mongo, clock);
        var alive = new ImportJobs(mongo, clock);
        ImportJob first = dead.claim(ImportKind.CATEGORIES, object, LEASE).orElseThrow();

        clock.advance(LEASE.minusSeconds(1));
        assertThat(alive.claim(ImportKind.CATEGORIES, object, LEASE)).isEmpty();

        clock.advance(Duration.ofSeconds(2));
        assertThat(alive.claim(ImportKind.CATEGORIES, object, LEASE)).get().extracting(ImportJob::id)
                .isEqualTo(first.id());
    }

    @Test
    void aRunningJobWhoseLeaseIsRenewedIsNotTakenOverUntilItsWorkerStopsRenewing() {
        var object = object();
        var running = new ImportJobs(mongo, clock);
        var other = new ImportJobs(mongo, clock);
        ImportJob job = running.claim(ImportKind.CATEGORIES, object, LEASE).orElseThrow();

        for (int beat = 0; beat < 5; beat++) {
            clock.advance(LEASE.dividedBy(2));
            assertThat(running.renew(job, LEASE)).isTrue();
            assertThat(other.claim(ImportKind.CATEGORIES, object, LEASE)).as("beat %d", beat).isEmpty();
        }

        clock.advance(LEASE.plusSeconds(1));
        ImportJob takenOver = other.claim(ImportKind.CATEGORIES, object, LEASE).orElseThrow();
        assertThat(takenOver.id()).isEqualTo(job.id());
        assertThat(running.renew(job, LEASE)).as("the first worker learns the job is no longer its own").isFalse();
    }

    @Test
    void aJobWhoseImportFailedIsClaimableAgainAfterTheRetryDelayNotTheLease() {
        var object = object();
        var failed = new ImportJobs(mongo, clock);
        var other = new ImportJobs(mongo, clock);
        ImportJob job = failed.claim(ImportKind.CATEGORIES, object, LEASE).orElseThrow();

        failed.retryAfter(job, Duration.ofSeconds(10));
        clock.advance(Duration.ofSeconds(9));
        assertThat(other.claim(ImportKind.CATEGORIES, object, LEASE)).isEmpty();

        clock.advance(Duration.ofSeconds(2));
        ImportJob retried = other.claim(ImportKind.CATEGORIES, object, LEASE).orElseThrow();
        assertThat(retried.id()).isEqualTo(job.id());
        failed.retryAfter(job, Duration.ZERO);
        assertThat(failed.claim(ImportKind.CATEGORIES, object, LEASE))
                .as("a worker that lost the job cannot give it up for the one that has it").isEmpty();
    }

    @Test
    void aJobReceivedThroughTheApiIsClaimedOnceAndAFinishedOneNever() {
        var object = object();
        var jobs = new ImportJobs(mongo, clock);
        jobs.received("imp-api-1", ImportKind.CATEGORIES, object);

        ImportJob claimed = jobs.claim(ImportKind.CATEGORIES, object, LEASE).orElseThrow();
        assertThat(claimed.id()).isEqualTo("imp-api-1");
        assertThat(jobs.claim(ImportKind.CATEGORIES, object, LEASE)).isEmpty();

        jobs.finish(claimed, new ImportOutcome(), "archive", null);
        clock.advance(LEASE.multipliedBy(2));
        assertThat(jobs.claim(ImportKind.CATEGORIES, object, LEASE)).isEmpty();
        assertThat(jobs.byId("imp-api-1")).get().extracting(ImportJob::state).isEqualTo(ImportState.COMPLETED);
    }

    @Test
    void newContentUnderTheSameKeyIsANewImport() {
        var jobs = new ImportJobs(mongo, clock);
        String key = "categories/" + UUID.randomUUID() + ".xlsx";

        var first = jobs.claim(ImportKind.CATEGORIES, new StoredObject("omnihub-inbox", key, "etag-1", 10), LEASE);
        var second = jobs.claim(ImportKind.CATEGORIES, new StoredObject("omnihub-inbox", key, "etag-2", 10), LEASE);

        assertThat(first).isPresent();
        assertThat(second).isPresent();
        assertThat(second.get().id()).isNotEqualTo(first.get().id());
    }

    private static StoredObject object() {
        return new StoredObject("omnihub-inbox", "categories/" + UUID.randomUUID() + ".xlsx", "etag", 100);
    }

    /** A clock the test moves forward. */
    private static final class MutableClock extends Clock {

        private Instant now = Instant.parse("2026-11-29T10:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
