package io.omnihub.order.store;

import io.omnihub.platform.background.BackgroundLoop;
import org.springframework.stereotype.Component;

/**
 * Writes this process's counts of fulfilments per store and day to MongoDB every {@link Stores#ROUTING_VIEW}
 * (another replica's routing reads them that often), and a last time when the service stops. A crash loses at
 * most that second's counts: today's capacity is then counted a little short.
 */
@Component
class StoreLoadWriter extends BackgroundLoop {

    private final Stores stores;

    StoreLoadWriter(Stores stores) {
        super("store-load-writer", Stores.ROUTING_VIEW, true);
        this.stores = stores;
    }

    @Override
    protected void pass() {
        stores.writeLoad();
    }

    @Override
    public synchronized void stop() {
        super.stop();
        try {
            stores.writeLoad();
        } catch (RuntimeException e) {
            // MongoDB may be gone first at shutdown: the counts are lost as in a crash
        }
    }
}
