package io.omnihub.contracts;

import io.omnihub.contracts.catalog.CategoryImported;
import io.omnihub.contracts.catalog.PhotoAttached;
import io.omnihub.contracts.catalog.ProductUpserted;
import io.omnihub.contracts.inventory.AvailabilityChanged;
import io.omnihub.contracts.inventory.StockLevelReported;
import io.omnihub.contracts.inventory.StockSnapshotCompleted;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every event record omnihub writes, by its CloudEvents type: what lets a consumer of a topic that carries
 * several event types bind each record to the right class without Java names on the wire.
 */
public final class EventTypes {

    public static final List<Class<? extends Record>> ALL = List.of(CategoryImported.class, ProductUpserted.class,
            PhotoAttached.class, StockLevelReported.class, StockSnapshotCompleted.class, AvailabilityChanged.class);

    private static final Map<String, Class<? extends Record>> BY_TYPE = ALL.stream()
            .collect(Collectors.toUnmodifiableMap(EventTypes::typeOf, Function.identity()));

    private EventTypes() {
    }

    public static String typeOf(Class<?> event) {
        EventType type = event.getAnnotation(EventType.class);
        if (type == null) {
            throw new IllegalArgumentException(event.getSimpleName() + " has no @EventType");
        }
        return type.value();
    }

    public static Optional<Class<? extends Record>> classOf(String type) {
        return Optional.ofNullable(BY_TYPE.get(type));
    }
}
