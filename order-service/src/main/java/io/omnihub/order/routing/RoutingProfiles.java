package io.omnihub.order.routing;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/** Routing profiles per site; a site without one is routed by {@link RoutingProfile#DEFAULT}. */
@Component
public class RoutingProfiles {

    /** How long a site's profile read is used: a profile changed through another replica counts after this. */
    static final Duration VIEW = Duration.ofSeconds(1);

    private final MongoTemplate mongo;
    private final Clock clock;
    private final Map<String, View> views = new ConcurrentHashMap<>();
    private final AtomicLong writes = new AtomicLong();

    RoutingProfiles(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    private record View(RoutingProfile profile, long readAt) {
    }

    /**
     * The site's profile, read at most once per {@link #VIEW} (each order needs it twice: routing and the
     * acceptance deadline) and again at once after a write through this process.
     */
    public RoutingProfile of(String siteId) {
        View view = views.get(siteId);
        long now = System.nanoTime();
        if (view == null || now - view.readAt() >= VIEW.toNanos()) {
            long writesBefore = writes.get();
            view = new View(find(siteId).orElse(RoutingProfile.DEFAULT), now);
            if (writes.get() == writesBefore) {
                views.put(siteId, view);
            }
        }
        return view.profile();
    }

    Optional<RoutingProfile> find(String siteId) {
        return Optional.ofNullable(mongo.findById(siteId, StoredProfile.class)).map(StoredProfile::profile);
    }

    RoutingProfile save(String siteId, RoutingProfile profile) {
        writes.incrementAndGet();
        mongo.save(StoredProfile.of(siteId, profile, clock.instant()));
        writes.incrementAndGet();
        views.remove(siteId);
        return profile;
    }
}
