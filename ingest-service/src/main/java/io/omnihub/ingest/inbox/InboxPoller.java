package io.omnihub.ingest.inbox;

import io.omnihub.contracts.Buckets;
import io.omnihub.ingest.storage.ObjectStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Lists the inbox on a fixed delay: works with any S3 server, and catches whatever a notification missed. */
@Component
class InboxPoller {

    private static final Logger log = LoggerFactory.getLogger(InboxPoller.class);

    private final ObjectStore store;
    private final InboxProcessor processor;

    InboxPoller(ObjectStore store, InboxProcessor processor) {
        this.store = store;
        this.processor = processor;
    }

    @Scheduled(fixedDelayString = "${omnihub.inbox.poll-interval:2s}", initialDelayString = "1s")
    void poll() {
        try {
            store.list(Buckets.INBOX, "").forEach(processor::process);
        } catch (RuntimeException e) {
            log.warn("cannot list the inbox: {}", e.getMessage());
        }
    }
}
