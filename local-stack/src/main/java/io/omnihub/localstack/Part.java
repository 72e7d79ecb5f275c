package io.omnihub.localstack;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The processes of the local stack, in start order: the infrastructure first, then the services, the gateway last. */
public enum Part {

    KAFKA("kafka", 9092, null),
    MONGO("mongo", 27017, null),
    S3("s3", 9000, null),
    INGEST("ingest-service", 8081, "ingest"),
    CATALOG("catalog-service", 8082, "catalog"),
    INVENTORY("inventory-service", 8083, "inventory"),
    ORDER("order-service", 8084, "orders"),
    COUPON("coupon-service", 8085, "coupons"),
    GATEWAY("gateway", 8080, null);

    private final String id;
    private final int defaultPort;
    private final String database;

    Part(String id, int defaultPort, String database) {
        this.id = id;
        this.defaultPort = defaultPort;
        this.database = database;
    }

    /** The name used for logs, pid files and on the command line; for a service also its Maven module. */
    public String id() {
        return id;
    }

    public int defaultPort() {
        return defaultPort;
    }

    /** The MongoDB database a service owns. */
    public Optional<String> database() {
        return Optional.ofNullable(database);
    }

    public boolean isService() {
        return compareTo(INGEST) >= 0;
    }

    public static List<Part> infrastructure() {
        return Arrays.stream(values()).filter(part -> !part.isService()).toList();
    }

    public static List<Part> services() {
        return Arrays.stream(values()).filter(Part::isService).toList();
    }

    /** Accepts {@code catalog-service}, {@code catalog} or {@code CATALOG}. */
    public static Optional<Part> byName(String name) {
        String wanted = name.toLowerCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(part -> part.id.equals(wanted) || part.id.equals(wanted + "-service")
                        || part.name().toLowerCase(Locale.ROOT).equals(wanted))
                .findFirst();
    }
}
