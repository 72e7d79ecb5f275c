package io.omnihub.order.system;

import io.omnihub.order.model.CorrelationSource;
import io.omnihub.platform.web.CorrelationId;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OrderProperties.class)
class OrderConfiguration {

    /** The platform's correlation id (request filter, Kafka record interceptor) as the order model sees it. */
    @Bean
    CorrelationSource correlationSource() {
        return CorrelationId::current;
    }
}
