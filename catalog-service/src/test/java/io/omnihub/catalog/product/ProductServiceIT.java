package io.omnihub.catalog.product;

import static org.assertj.core.api.Assertions.assertThat;

import io.omnihub.catalog.category.CategoryService;
import io.omnihub.catalog.photo.PhotoService;
import io.omnihub.testsupport.TestInfrastructure;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bson.Document;
import org.bson.types.Decimal128;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.mongodb.test.autoconfigure.DataMongoTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Newest-wins upserts against a real MongoDB-wire server, without Kafka in the way. */
@DataMongoTest
@Import({ProductService.class, CategoryService.class, PhotoService.class, ProductServiceIT.Clocks.class})
class ProductServiceIT {

    private static final Instant MONDAY = Instant.parse("2026-11-30T09:00:00Z");
    private static final Instant TUESDAY = Instant.parse("2026-12-01T09:00:00Z");

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> TestInfrastructure.mongoUri("catalog-products-" + UUID.randomUUID()));
    }

    @Autowired
    ProductService products;

    @Autowired
    MongoTemplate mongo;

    @Test
    void anOlderDescriptionArrivingAfterANewerOneChangesNothing() {
        String reference = reference();
        products.apply(update(reference, "Nova", TUESDAY, 1));

        boolean applied = products.apply(update(reference, "Velha", MONDAY, 500));

        assertThat(applied).isFalse();
        assertThat(stored(reference).name()).isEqualTo("Nova");
        assertThat(stored(reference).source().row()).isEqualTo(1);
    }

    @Test
    void withinOneImportALaterRowWinsAndAnEarlierOneLoses() {
        String reference = reference();
        products.apply(update(reference, "Linha 5", MONDAY, 5));

        assertThat(products.apply(update(reference, "Linha 7", MONDAY, 7))).isTrue();
        assertThat(products.apply(update(reference, "Linha 6", MONDAY, 6))).isFalse();
        assertThat(stored(reference).name()).isEqualTo("Linha 7");
    }

    @Test
    void aRedeliveredDescriptionIsIgnoredAndKeepsItsUpdateTime() {
        String reference = reference();
        var update = update(reference, "Uma vez", MONDAY, 3);
        products.apply(update);
        Instant firstUpdate = stored(reference).updatedAt();

        assertThat(products.apply(update)).isFalse();
        assertThat(stored(reference).updatedAt()).isEqualTo(firstUpdate);
    }

    @Test
    void aNewerDescriptionReplacesTheWholeProduct() {
        String reference = reference();
        products.apply(new ProductUpdate(reference, "7891000000007", "Com tudo", "descrição", "Marca",
                List.of("Casa"), "Azul", "P", new BigDecimal("10.00"), new BigDecimal("9.90"),
                List.of("https://x/1.jpg"), true, Map.of("Material", "Vidro"), "imp-1", 1, MONDAY));

        products.apply(new ProductUpdate(reference, "7891000000007", "Sem nada", null, null, List.of(), null, null,
                new BigDecimal("10.00"), new BigDecimal("9.90"), List.of(), false, Map.of(), "imp-2", 1, TUESDAY));

        Product product = stored(reference);
        assertThat(product.name()).isEqualTo("Sem nada");
        assertThat(product.description()).isNull();
        assertThat(product.categoryId()).isNull();
        assertThat(product.photoUrls()).isEmpty();
        assertThat(product.attributes()).isEmpty();
        assertThat(product.active()).isFalse();
    }

    @Test
    void manyDescriptionsRacingInAnyOrderLeaveTheNewest() throws Exception {
        String reference = reference();
        List<ProductUpdate> updates = new ArrayList<>();
        for (int row = 1; row <= 40; row++) {
            updates.add(update(reference, "Linha " + row, row % 2 == 0 ? TUESDAY : MONDAY, row));
        }
        Collections.shuffle(updates, new Random(7));

        var pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Boolean>> applies = updates.stream()
                    .<Callable<Boolean>>map(update -> () -> products.apply(update)).toList();
            for (Future<Boolean> result : pool.invokeAll(applies)) {
                result.get();
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(stored(reference).name()).isEqualTo("Linha 40");
        assertThat(stored(reference).source().receivedAt()).isEqualTo(TUESDAY);
    }

    @Test
    void aStaleDescriptionDoesNotAddItsCategory() {
        String reference = reference();
        products.apply(update(reference, "Nova", TUESDAY, 1));

        products.apply(new ProductUpdate(reference, "7891000000007", "Velha", null, null,
                List.of("Antiga " + reference), null, null, BigDecimal.TEN, BigDecimal.ONE, List.of(), true, Map.of(),
                "imp", 1, MONDAY));

        assertThat(products.find(reference)).hasValueSatisfying(product -> assertThat(product.category()).isNull());
        assertThat(mongo.getCollection("categories").countDocuments(
                new Document("name", "Antiga " + reference))).isZero();
    }

    @Test
    void aBatchStoresEachProductsNewestDescriptionAgainstWhatIsStored() {
        String kept = reference();
        String replaced = reference();
        String added = reference();
        products.apply(update(kept, "Guardado terça", TUESDAY, 1));
        products.apply(update(replaced, "Guardado segunda", MONDAY, 1));

        int applied = products.applyAll(List.of(update(kept, "Segunda", MONDAY, 50),
                update(replaced, "Terça 2", TUESDAY, 2), update(added, "Novo 3", MONDAY, 3),
                update(replaced, "Terça 1", TUESDAY, 1), update(added, "Novo 4", MONDAY, 4)));

        assertThat(applied).isEqualTo(2);
        assertThat(stored(kept).name()).isEqualTo("Guardado terça");
        assertThat(stored(replaced).name()).isEqualTo("Terça 2");
        assertThat(stored(added).name()).isEqualTo("Novo 4");
    }

    @Test
    void batchesRacingOverTheSameProductsLeaveEachOnesNewest() throws Exception {
        List<String> references = List.of(reference(), reference(), reference());
        List<List<ProductUpdate>> batches = new ArrayList<>();
        for (int batch = 0; batch < 8; batch++) {
            List<ProductUpdate> updates = new ArrayList<>();
            for (String reference : references) {
                for (int row = batch * 10 + 1; row <= batch * 10 + 10; row++) {
                    updates.add(update(reference, "Linha " + row, MONDAY, row));
                }
            }
            Collections.shuffle(updates, new Random(batch));
            batches.add(updates);
        }

        var pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Integer>> applies = batches.stream()
                    .<Callable<Integer>>map(batch -> () -> products.applyAll(batch)).toList();
            for (Future<Integer> result : pool.invokeAll(applies)) {
                result.get();
            }
        } finally {
            pool.shutdownNow();
        }

        references.forEach(reference -> assertThat(stored(reference).name()).isEqualTo("Linha 80"));
    }

    @Test
    void productsStoredByAnEarlierVersionWithItsUniqueRevisionIndexAreReplacedAndJoinedByNewOnes() {
        String[] references = {reference(), reference(), reference()};
        var collection = mongo.getCollection("products");
        collection.drop();
        collection.createIndex(new Document("revision", 1), new com.mongodb.client.model.IndexOptions().unique(true)
                .name(ProductService.OLD_REVISION_INDEX));
        for (String reference : List.of(references[0], references[1])) {
            products.apply(update(reference, "Antigo", MONDAY, 1));
            collection.updateOne(new Document("_id", reference), new Document("$set", new Document("revision",
                    reference + "@" + stored(reference).version())));
        }

        products.dropRevisionIndex();
        products.applyAll(List.of(update(references[0], "Novo", TUESDAY, 1), update(references[1], "Novo", TUESDAY, 2),
                update(references[2], "Novo", TUESDAY, 3)));

        assertThat(List.of(references)).allSatisfy(reference -> assertThat(stored(reference).name()).isEqualTo("Novo"));
        assertThat(mongo.indexOps("products").getIndexInfo())
                .noneMatch(index -> index.getName().equals(ProductService.OLD_REVISION_INDEX));
    }

    @Test
    void pricesAreStoredAsExactDecimals() {
        String reference = reference();
        products.apply(new ProductUpdate(reference, "7891000000007", "Preço", null, null, List.of(), null, null,
                new BigDecimal("333.14"), new BigDecimal("299.90"), List.of(), true, Map.of(), "imp", 1, MONDAY));

        var raw = mongo.getCollection("products").find(new Document("_id", reference)).first();

        assertThat(raw.get("price")).isEqualTo(new Decimal128(new BigDecimal("333.14")));
        assertThat(stored(reference).discountedPrice()).isEqualTo(new BigDecimal("299.90"));
    }

    private Product stored(String reference) {
        return mongo.findById(reference, Product.class);
    }

    private static String reference() {
        return "REF-" + UUID.randomUUID();
    }

    private static ProductUpdate update(String reference, String name, Instant receivedAt, long row) {
        return new ProductUpdate(reference, "7891000000007", name, null, "Marca", List.of(), null, null,
                new BigDecimal("10.00"), new BigDecimal("9.90"), List.of(), true, Map.of(), "imp", row, receivedAt);
    }

    @TestConfiguration
    static class Clocks {

        @Bean
        Clock clock() {
            return Clock.tick(Clock.system(ZoneOffset.UTC), Duration.ofMillis(1));
        }
    }
}
