package io.omnihub.order.routing;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** A site's routing profile as stored ({@code routing_profiles}). */
@Document("routing_profiles")
record StoredProfile(@Id String siteId, Set<RoutingFilter> filters, List<RankingCriterion> ranking,
        boolean splitAllowed, int maxSplits, long acceptanceDeadlineSeconds, Double maxDistanceKm,
        Instant updatedAt) {

    static StoredProfile of(String siteId, RoutingProfile profile, Instant now) {
        return new StoredProfile(siteId, profile.filters(), profile.ranking(), profile.splitAllowed(),
                profile.maxSplits(), profile.acceptanceDeadline().toSeconds(), profile.maxDistanceKm(), now);
    }

    RoutingProfile profile() {
        return new RoutingProfile(filters, ranking, splitAllowed, maxSplits,
                Duration.ofSeconds(acceptanceDeadlineSeconds), maxDistanceKm);
    }
}
