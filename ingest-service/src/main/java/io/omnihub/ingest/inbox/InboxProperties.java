package io.omnihub.ingest.inbox;

import java.time.Duration;
import org.springframework.util.unit.DataSize;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the inbox bucket is watched ({@code omnihub.inbox.*}).
 *
 * @param pollInterval          pause between two listings of the inbox
 * @param notificationsEnabled  also react to MinIO's bucket notifications on {@code storage.inbox-events}
 * @param lease                 how long a worker owns a running job before another may take it over
 * @param maxPushSize           the largest JSON body a push may send (413 beyond); files go through multipart
 */
@ConfigurationProperties("omnihub.inbox")
record InboxProperties(@DefaultValue("2s") Duration pollInterval, @DefaultValue("false") boolean notificationsEnabled,
        @DefaultValue("2m") Duration lease, @DefaultValue("100MB") DataSize maxPushSize) {
}
