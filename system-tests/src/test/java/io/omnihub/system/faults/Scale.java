package io.omnihub.system.faults;

import java.time.Duration;

/**
 * How big the fault cases are: {@code quick} (the default, part of every {@code ./mvnw verify}) or {@code long}
 * ({@code -Dfaults.scale=long}, set by the {@code faults-long} profile): 200,000-row imports and longer flows.
 *
 * @param importRows     rows of the stock file imported while ingest is killed or Kafka is restarted
 * @param mongoRows      rows of the stock file imported while MongoDB is restarted
 * @param commandsPerEan one-unit reservations sent for each reserved EAN (its stock is a third of them)
 * @param pullPages      pages the ERP stand-in serves to the pull integration (100 rows each)
 * @param orders         orders pushed to the failing store ERP
 * @param patience       how long a case waits for the state it expects
 */
record Scale(String name, int importRows, int mongoRows, int commandsPerEan, int pullPages, int orders,
             Duration patience) {

    static final Scale QUICK = new Scale("quick", 10_000, 2_000, 30, 5, 3, Duration.ofMinutes(3));
    static final Scale LONG = new Scale("long", 200_000, 20_000, 300, 50, 20, Duration.ofMinutes(20));

    static Scale current() {
        return "long".equals(System.getProperty("faults.scale", "quick")) ? LONG : QUICK;
    }

    /** The inbox lease: a dead ingest's job is taken over after it; above the longest import of the scale. */
    Duration inboxLease() {
        return this == LONG ? Duration.ofMinutes(3) : Duration.ofSeconds(10);
    }
}
