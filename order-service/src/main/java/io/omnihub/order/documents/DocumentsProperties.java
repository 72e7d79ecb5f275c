package io.omnihub.order.documents;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code omnihub.documents.*}: the bucket, the largest proof of delivery accepted, and the carrier that books
 * shipments and prints labels.
 */
@ConfigurationProperties("omnihub.documents")
record DocumentsProperties(@DefaultValue("omnihub-documents") String bucket,
        @DefaultValue("10MB") DataSize maxProofSize, @DefaultValue Carrier carrier) {

    /** Which carrier: {@code built-in} (omnihub numbers and prints the label) or {@code http} (a carrier's API). */
    enum CarrierType {
        BUILT_IN, HTTP
    }

    /**
     * @param name      printed on the label and shown in tracking
     * @param url       the carrier's label endpoint ({@code http} only)
     * @param token     sent as {@code Authorization: Bearer …} when set
     * @param attempts  tries per label, the first included
     * @param backoff   the wait before the second try, doubled for each next one
     * @param openFor   how long to stop asking after the carrier failed most of the last calls
     */
    record Carrier(@DefaultValue("built-in") CarrierType type, @DefaultValue("omnihub") String name, URI url,
            String token, @DefaultValue("5s") Duration timeout, @DefaultValue("3") int attempts,
            @DefaultValue("200ms") Duration backoff, @DefaultValue("30s") Duration openFor) {
    }
}
