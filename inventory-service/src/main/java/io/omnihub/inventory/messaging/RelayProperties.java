package io.omnihub.inventory.messaging;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The availability relay ({@code omnihub.inventory.relay.*}).
 *
 * @param interval    the safety net: how often stored availability not yet on Kafka is looked for, besides
 *                    right after each write
 * @param batchSize   how many pairs one round sends before it waits for the broker's acknowledgements
 * @param sendTimeout how long a round waits for them
 * @param autoStartup false only in tests that need to stop the relay to see what a crash leaves behind
 */
@ConfigurationProperties("omnihub.inventory.relay")
record RelayProperties(@DefaultValue("5s") Duration interval, @DefaultValue("500") int batchSize,
        @DefaultValue("30s") Duration sendTimeout, @DefaultValue("true") boolean autoStartup) {

    RelayProperties {
        if (interval.isNegative() || interval.isZero() || batchSize < 1) {
            throw new IllegalArgumentException("the relay needs a positive interval and batch size");
        }
    }
}
