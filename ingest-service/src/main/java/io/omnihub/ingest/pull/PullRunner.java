package io.omnihub.ingest.pull;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import io.omnihub.ingest.imports.ImportJob;
import io.omnihub.ingest.imports.ImportJobs;
import io.omnihub.ingest.imports.ImportKind;
import io.omnihub.ingest.inbox.InboxUploads;
import io.omnihub.ingest.pull.PullState.PullStatus;
import io.omnihub.ingest.sheet.JsonItems;
import io.omnihub.ingest.sheet.UnreadableFileException;
import io.omnihub.ingest.stock.PulledSnapshot;
import io.omnihub.ingest.stock.PulledSnapshots;
import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * One pull run of one integration: page after page until the ERP answers an empty page. Each page is stored
 * in the inbox and imported like any file, then the next page number is saved; an outage stops the run and
 * the next run resumes at the page that failed. One run at a time per integration, across replicas. The pages
 * of a full-stock run make one snapshot, closed after the last page.
 */
@Component
class PullRunner {

    private static final Logger log = LoggerFactory.getLogger(PullRunner.class);
    private static final Duration LEASE = Duration.ofMinutes(10);
    private static final int MAX_PAGES = 100_000;
    private static final Duration PAGES_IMPORTED_WITHIN = Duration.ofMinutes(5);
    private static final Duration PAGES_POLL = Duration.ofMillis(200);

    private final ErpClient erp;
    private final InboxUploads uploads;
    private final ImportJobs jobs;
    private final PulledSnapshots snapshots;
    private final MongoTemplate mongo;
    private final JsonMapper json;
    private final Clock clock;

    PullRunner(ErpClient erp, InboxUploads uploads, ImportJobs jobs, PulledSnapshots snapshots, MongoTemplate mongo,
            JsonMapper json, Clock clock) {
        this.erp = erp;
        this.uploads = uploads;
        this.jobs = jobs;
        this.snapshots = snapshots;
        this.mongo = mongo;
        this.json = json;
        this.clock = clock;
    }

    /** Runs unless another run of the integration holds the lease; answers whether it ran. */
    boolean run(PullProperties.Integration integration) {
        Optional<PullState> claimed = claim(integration);
        if (claimed.isEmpty()) {
            return false;
        }
        PullState state = claimed.get();
        int page = state.nextPage();
        try {
            for (int pages = 0; pages < MAX_PAGES; pages++) {
                byte[] content = erp.fetch(integration, page);
                int items = countItems(content, integration, page);
                if (items == 0) {
                    if (integration.kind() == ImportKind.STOCK_FULL) {
                        closeSnapshot(integration, state.runId());
                    }
                    completed(integration, page);
                    return true;
                }
                String name = integration.kind() == ImportKind.STOCK_FULL
                        ? PulledSnapshot.pageName(integration.name(), state.runId(), page)
                        : "pull-" + integration.name() + "-" + state.runId() + "-p" + String.format("%06d", page)
                                + ".json";
                uploads.submit(ImportJobs.newId(), integration.kind(), name, content,
                        MediaType.APPLICATION_JSON_VALUE);
                page++;
                advance(integration, page);
            }
            throw new IllegalStateException("more than " + MAX_PAGES + " pages: is the ERP ignoring the page parameter?");
        } catch (Exception e) {
            interrupted(integration, page, e);
            return true;
        }
    }

    /**
     * A full-stock run's pages together are the stores' whole stock: once every page is imported (pages are
     * imported in the background, perhaps by another replica), the snapshot is closed, once, for all of them.
     * If they take too long the run stops here, and the next run finds the empty page again and retries.
     */
    private void closeSnapshot(PullProperties.Integration integration, String runId) throws InterruptedException {
        String prefix = PulledSnapshot.pagesPrefix(integration.name(), runId);
        long deadline = System.nanoTime() + PAGES_IMPORTED_WITHIN.toNanos();
        List<ImportJob> pages = jobs.byKeyPrefix(prefix);
        while (!pages.stream().allMatch(job -> job.state().isFinal())) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the pages of run " + runId + " were not all imported within "
                        + PAGES_IMPORTED_WITHIN);
            }
            Thread.sleep(PAGES_POLL.toMillis());
            pages = jobs.byKeyPrefix(prefix);
        }
        snapshots.complete(PulledSnapshot.snapshotId(integration.name(), runId), pages);
    }

    Optional<PullState> state(String name) {
        return Optional.ofNullable(mongo.findById(name, PullState.class));
    }

    private int countItems(byte[] content, PullProperties.Integration integration, int page) {
        var count = new AtomicInteger();
        try {
            JsonItems.read(json, new ByteArrayInputStream(content), (item, position) -> count.incrementAndGet());
        } catch (UnreadableFileException e) {
            throw new IllegalStateException("page " + page + " of " + integration.url() + " is not a JSON list: "
                    + e.getMessage());
        }
        return count.get();
    }

    private Optional<PullState> claim(PullProperties.Integration integration) {
        Instant now = clock.instant();
        PullState current = mongo.findById(integration.name(), PullState.class);
        if (current == null) {
            try {
                return Optional.of(mongo.insert(new PullState(integration.name(), newRunId(), integration.firstPage(),
                        PullStatus.RUNNING, now.plus(LEASE), now, null, 0, null, null)));
            } catch (DuplicateKeyException raced) {
                current = mongo.findById(integration.name(), PullState.class);
            }
        }
        Query free = Query.query(where("name").is(integration.name()).orOperator(
                where("status").ne(PullStatus.RUNNING), where("leaseUntil").lt(now)));
        // a run that was interrupted (or whose worker died) resumes with its id and page; a finished one starts over
        boolean resume = current.status() != PullStatus.IDLE;
        Update start = new Update().set("status", PullStatus.RUNNING).set("leaseUntil", now.plus(LEASE));
        if (!resume) {
            start.set("runId", newRunId()).set("nextPage", integration.firstPage()).set("runStartedAt", now)
                    .set("pagesThisRun", 0);
        }
        return Optional.ofNullable(mongo.findAndModify(free, start, FindAndModifyOptions.options().returnNew(true),
                PullState.class));
    }

    private static String newRunId() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    private void advance(PullProperties.Integration integration, int nextPage) {
        mongo.updateFirst(Query.query(where("name").is(integration.name())), new Update().set("nextPage", nextPage)
                .inc("pagesThisRun", 1).set("leaseUntil", clock.instant().plus(LEASE)), PullState.class);
    }

    private void completed(PullProperties.Integration integration, int emptyPage) {
        mongo.updateFirst(Query.query(where("name").is(integration.name())), new Update()
                .set("status", PullStatus.IDLE).set("nextPage", integration.firstPage()).unset("leaseUntil")
                .set("lastCompletedAt", clock.instant()), PullState.class);
        log.info("pull {} completed at page {}", integration.name(), emptyPage);
    }

    private void interrupted(PullProperties.Integration integration, int page, Exception e) {
        String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        mongo.updateFirst(Query.query(where("name").is(integration.name())), new Update()
                .set("status", PullStatus.INTERRUPTED).set("nextPage", page).unset("leaseUntil")
                .set("lastError", "page " + page + ": " + reason).set("lastErrorAt", clock.instant()),
                PullState.class);
        log.warn("pull {} interrupted at page {}; the next run resumes there: {}", integration.name(), page, reason);
    }

}
