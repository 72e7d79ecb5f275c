package io.omnihub.ingest;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Takes the ERP's files, pushes and pulls in, validates them row by row and publishes catalog and stock events. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class IngestServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(IngestServiceApplication.class, args);
    }
}
