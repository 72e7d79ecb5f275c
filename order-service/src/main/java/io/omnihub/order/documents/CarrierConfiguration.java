package io.omnihub.order.documents;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.ObjectMapper;

/** Picks the carrier from {@code omnihub.documents.carrier.type}: the built-in one unless a carrier API is set. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({DocumentsProperties.class, S3Properties.class})
class CarrierConfiguration {

    @Bean
    CarrierPort carrier(DocumentsProperties properties, ObjectMapper json) {
        DocumentsProperties.Carrier carrier = properties.carrier();
        return switch (carrier.type()) {
            case BUILT_IN -> new BuiltInCarrier(carrier.name());
            case HTTP -> new HttpCarrier(carrier, json);
        };
    }
}
