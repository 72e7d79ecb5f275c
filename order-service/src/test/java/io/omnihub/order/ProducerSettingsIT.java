package io.omnihub.order;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.core.io.ClassPathResource;
import org.springframework.kafka.core.ProducerFactory;

/**
 * order-service's own producer settings ({@code order-service-overrides.yml}) win over the platform's file that
 * application.yml imports first: its sends do not linger for a batch on an order's way to the store.
 */
class ProducerSettingsIT extends EmbeddedOrders {

    private static final String LINGER = "spring.kafka.producer.properties.linger.ms";

    @Autowired
    ProducerFactory<?, ?> producers;

    @Test
    void theProducerTakesOrderServicesLingerNotThePlatformsOne() {
        YamlPropertiesFactoryBean platform = new YamlPropertiesFactoryBean();
        platform.setResources(new ClassPathResource("omnihub-platform.yml"));
        YamlPropertiesFactoryBean overrides = new YamlPropertiesFactoryBean();
        overrides.setResources(new ClassPathResource("order-service-overrides.yml"));
        String ours = overrides.getObject().getProperty(LINGER).replaceAll("^\\$\\{[^:]+:(.*)}$", "$1");

        Object effective = producers.getConfigurationProperties().get(ProducerConfig.LINGER_MS_CONFIG);

        assertThat(platform.getObject().getProperty(LINGER)).isNotEqualTo(ours);
        assertThat(String.valueOf(effective)).isEqualTo(ours);
    }
}
