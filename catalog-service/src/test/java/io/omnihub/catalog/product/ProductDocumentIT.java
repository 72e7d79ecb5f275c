package io.omnihub.catalog.product;

import static org.assertj.core.api.Assertions.assertThat;

import io.omnihub.testsupport.TestInfrastructure;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.mongodb.test.autoconfigure.DataMongoTest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The documents the catalog writes by hand are the ones the service's own mapping writes and reads. */
@DataMongoTest
class ProductDocumentIT {

    private static final Instant RECEIVED = Instant.parse("2026-11-30T09:00:00.123456789Z");

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> TestInfrastructure.mongoUri("catalog-documents-" + UUID.randomUUID()));
    }

    @Autowired
    MongoTemplate mongo;

    @Test
    void aFullProductIsWrittenAsTheMappingWritesIt() {
        Product product = new Product("CAM-001", "7891234567895", "Camiseta Básica", "Algodão", "Marca",
                "roupas.camisetas", List.of("Roupas", "Camisetas"), "Azul", "M", new BigDecimal("129.90"),
                new BigDecimal("99.9"), List.of("https://img.example/1.jpg", "https://img.example/2.jpg"), true,
                List.of(new Product.Attribute("Tecido", "algodão"), new Product.Attribute("Gola.$", null)),
                RECEIVED.plusSeconds(3), new Product.Source("imp-1", 42, RECEIVED), "v1",
                new Product.Search("camiseta basica", "cam-001", "marca"));

        assertSameAsTheMapping(product);
    }

    @Test
    void aProductWithNothingButItsReferenceIsWrittenAsTheMappingWritesIt() {
        assertSameAsTheMapping(new Product("REF", null, null, null, null, null, null, null, null, null, null, null,
                false, null, null, null, null, null));
        assertSameAsTheMapping(new Product("REF", "", "", "", "", null, List.of(), "", "", BigDecimal.ZERO, null,
                List.of(), false, List.of(), RECEIVED, new Product.Source(null, 0, null), "v",
                new Product.Search(null, null, null)));
    }

    private void assertSameAsTheMapping(Product product) {
        Document mapped = new Document();
        mongo.getConverter().write(product, mapped);

        Document written = ProductDocument.of(product);

        assertThat(written).isEqualTo(mapped);
        assertThat(mongo.getConverter().read(Product.class, written)).isEqualTo(mongo.getConverter().read(Product.class,
                mapped));
    }
}
