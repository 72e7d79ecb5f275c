package io.omnihub.ingest.inbox;

import io.omnihub.contracts.Topics;
import io.omnihub.contracts.storage.ObjectCreated;
import io.omnihub.ingest.storage.ObjectStore;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** MinIO's bucket notifications (production): an uploaded object is imported at once instead of at the next poll. */
@Component
class InboxNotificationListener {

    private final ObjectStore store;
    private final InboxProcessor processor;

    InboxNotificationListener(ObjectStore store, InboxProcessor processor) {
        this.store = store;
        this.processor = processor;
    }

    @KafkaListener(topics = Topics.STORAGE_INBOX_EVENTS, autoStartup = "${omnihub.inbox.notifications-enabled:false}")
    void on(ObjectCreated notification) {
        // the object's current ETag, not the notification's: it may have been replaced since
        notification.records().forEach(record -> store.stat(record.bucket(), record.key()).ifPresent(processor::process));
    }
}
