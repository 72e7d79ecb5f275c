package io.omnihub.platform.kafka;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What a service declares about its topics ({@code omnihub.kafka.*}).
 *
 * @param partitions        partitions of every topic the service declares
 * @param replicationFactor replicas of every topic the service declares
 * @param writes            topics this service is the one writer of
 * @param reads             topics this service consumes; their {@code -dlt} twins are declared too
 * @param compacted         written topics whose cleanup policy is compaction
 * @param retry             how often a failing record is retried before it goes to {@code -dlt}
 */
@ConfigurationProperties("omnihub.kafka")
public record OmnihubKafkaProperties(@DefaultValue("3") int partitions, @DefaultValue("1") short replicationFactor,
        @DefaultValue List<String> writes, @DefaultValue List<String> reads, @DefaultValue Set<String> compacted,
        @DefaultValue Retry retry) {

    /** Exponential back-off between attempts of one record. */
    public record Retry(@DefaultValue("3") int attempts, @DefaultValue("500ms") Duration initialInterval,
            @DefaultValue("2.0") double multiplier, @DefaultValue("5s") Duration maxInterval) {
    }
}
