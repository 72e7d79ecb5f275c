package io.omnihub.inventory.system;

import io.omnihub.inventory.availability.AvailabilityPolicy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The availability policy, built from the configured safety stock; a negative figure stops the start. */
@Configuration(proxyBeanMethods = false)
class AvailabilityConfiguration {

    @Bean
    AvailabilityPolicy availabilityPolicy(SafetyStockProperties safetyStock) {
        return new AvailabilityPolicy(safetyStock.global(), safetyStock.stores(), safetyStock.eans());
    }
}
