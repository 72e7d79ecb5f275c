package io.omnihub.order.store;

import io.omnihub.order.system.OrderProperties;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Loads {@code omnihub.orders.stores-file} (the shape of {@code fixtures/stores.json}) at start, when set: each
 * store written as {@code PUT /stores/{storeId}} would. A file that cannot be used stops the start, saying why.
 */
@Component
class StoresFileLoader implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(StoresFileLoader.class);

    private final OrderProperties properties;
    private final Stores stores;
    private final JsonMapper json;
    private final Validator validator;
    private final Clock clock;

    StoresFileLoader(OrderProperties properties, Stores stores, JsonMapper json, Validator validator, Clock clock) {
        this.properties = properties;
        this.stores = stores;
        this.json = json;
        this.validator = validator;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) throws Exception {
        if (properties.storesFile() == null || properties.storesFile().isBlank()) {
            return;
        }
        StoreController.StoresRequest file = json.readValue(Files.readAllBytes(Path.of(properties.storesFile())),
                StoreController.StoresRequest.class);
        Set<ConstraintViolation<StoreController.StoresRequest>> violations = validator.validate(file);
        if (!violations.isEmpty()) {
            throw new IllegalStateException(properties.storesFile() + " has invalid stores: " + violations.stream()
                    .map(violation -> violation.getPropertyPath() + " " + violation.getMessage()).toList());
        }
        file.stores().forEach(store -> {
            if (store.storeId() == null || !StoreController.STORE_ID.matcher(store.storeId()).matches()) {
                throw new IllegalStateException(properties.storesFile() + ": a store without a valid storeId");
            }
            stores.save(store.toStore(store.storeId(), clock.instant()));
        });
        log.info("Loaded {} stores from {}", file.stores().size(), properties.storesFile());
    }
}
