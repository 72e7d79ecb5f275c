package io.omnihub.ingest.system;

import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaProducerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Larger, compressed producer batches for imports. Set in code rather than in {@code application.yml}
 * because the platform's imported {@code omnihub-platform.yml} takes precedence over the file that imports it;
 * acks=all and idempotence stay as the platform sets them.
 */
@Configuration(proxyBeanMethods = false)
class ImportProducerConfiguration {

    @Bean
    DefaultKafkaProducerFactoryCustomizer importBatching(ImportProducerProperties properties) {
        return factory -> factory.updateConfigs(Map.of(
                ProducerConfig.BATCH_SIZE_CONFIG, properties.batchSize(),
                ProducerConfig.LINGER_MS_CONFIG, properties.lingerMs(),
                ProducerConfig.COMPRESSION_TYPE_CONFIG, properties.compression()));
    }
}
