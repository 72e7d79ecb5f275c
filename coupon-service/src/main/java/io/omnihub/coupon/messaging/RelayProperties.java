package io.omnihub.coupon.messaging;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The coupon relay ({@code omnihub.coupons.relay.*}).
 *
 * @param interval    the safety net: how often stored changes not yet on Kafka are looked for, besides right
 *                    after each write
 * @param batchSize   how many coupons one round sends before it waits for the broker's acknowledgements
 * @param sendTimeout how long a round waits for them
 * @param autoStartup false only in tests that need to stop the relay to see what a crash leaves behind
 */
@ConfigurationProperties("omnihub.coupons.relay")
record RelayProperties(@DefaultValue("5s") Duration interval, @DefaultValue("200") int batchSize,
        @DefaultValue("30s") Duration sendTimeout, @DefaultValue("true") boolean autoStartup) {

    RelayProperties {
        if (interval.isNegative() || interval.isZero() || batchSize < 1) {
            throw new IllegalArgumentException("the relay needs a positive interval and batch size");
        }
    }
}
