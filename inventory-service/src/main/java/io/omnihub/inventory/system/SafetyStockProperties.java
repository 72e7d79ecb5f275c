package io.omnihub.inventory.system;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Units kept back from what is promised online ({@code omnihub.inventory.safety-stock.*}); the most specific
 * figure wins: {@code eans.<ean>}, else {@code stores.<storeId>}, else {@code global}.
 *
 * @param global the safety stock of every pair without a more specific one
 * @param stores by store id (a key with a {@code .} is written {@code "[LJ.01]"} in YAML)
 * @param eans   by EAN, at every store
 */
@ConfigurationProperties("omnihub.inventory.safety-stock")
record SafetyStockProperties(@DefaultValue("0") long global, @DefaultValue Map<String, Long> stores,
        @DefaultValue Map<String, Long> eans) {
}
