package io.omnihub.order.routing;

import java.time.Clock;
import java.util.Optional;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/** Routing profiles per site; a site without one is routed by {@link RoutingProfile#DEFAULT}. */
@Component
public class RoutingProfiles {

    private final MongoTemplate mongo;
    private final Clock clock;

    RoutingProfiles(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    public RoutingProfile of(String siteId) {
        return find(siteId).orElse(RoutingProfile.DEFAULT);
    }

    Optional<RoutingProfile> find(String siteId) {
        return Optional.ofNullable(mongo.findById(siteId, StoredProfile.class)).map(StoredProfile::profile);
    }

    RoutingProfile save(String siteId, RoutingProfile profile) {
        mongo.save(StoredProfile.of(siteId, profile, clock.instant()));
        return profile;
    }
}
