package io.omnihub.order.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.omnihub.contracts.identity.Identity;
import io.omnihub.contracts.identity.Role;
import io.omnihub.order.model.OrderStatus;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.bson.Document;
import org.junit.jupiter.api.Test;

class OrderFilterTests {

    static final Identity OPERATOR = new Identity("op", Set.of(Role.OPERATOR), Set.of(Identity.ALL_STORES));
    static final Identity STORE_LJ001 = new Identity("store", Set.of(Role.STORE), Set.of("LJ001"));

    @Test
    void readsDatesAsWholeUtcDaysBothIncluded() {
        OrderFilter filter = OrderFilter.parse(Map.of("from", "2026-11-01", "to", "2026-11-30"));

        assertThat(filter.from()).isEqualTo(Instant.parse("2026-11-01T00:00:00Z"));
        assertThat(filter.to()).isEqualTo(Instant.parse("2026-12-01T00:00:00Z"));
    }

    @Test
    void readsInstantsAsTheyAre() {
        OrderFilter filter = OrderFilter.parse(Map.of("from", "2026-11-29T10:00:00Z", "to", "2026-11-29T11:30:00Z"));

        assertThat(filter.from()).isEqualTo(Instant.parse("2026-11-29T10:00:00Z"));
        assertThat(filter.to()).isEqualTo(Instant.parse("2026-11-29T11:30:00Z"));
    }

    @Test
    void readsSeveralStatusesByNameWhateverTheCase() {
        OrderFilter filter = OrderFilter.parse(Map.of("status", "accepted, in-transit,DELIVERED"));

        assertThat(filter.statuses()).containsExactlyInAnyOrder(OrderStatus.ACCEPTED, OrderStatus.IN_TRANSIT,
                OrderStatus.DELIVERED);
    }

    @Test
    void listsEveryBadParameter() {
        InvalidFilterException invalid = catchThrowableOfType(InvalidFilterException.class,
                () -> OrderFilter.parse(Map.of("from", "yesterday", "status", "SHIPPED")));

        @SuppressWarnings("unchecked")
        List<Map<String, String>> errors = (List<Map<String, String>>) invalid.getBody().getProperties()
                .get("errors");
        assertThat(errors).extracting(error -> error.get("field")).containsExactlyInAnyOrder("from", "status");
        assertThat(invalid.getStatusCode().value()).isEqualTo(400);
    }

    @Test
    void refusesARangeThatEndsBeforeItStarts() {
        InvalidFilterException invalid = catchThrowableOfType(InvalidFilterException.class,
                () -> OrderFilter.parse(Map.of("from", "2026-11-30", "to", "2026-11-01")));

        assertThat(invalid.getBody().getProperties().get("errors").toString()).contains("to");
    }

    @Test
    void blankParametersFilterNothing() {
        OrderFilter filter = OrderFilter.parse(Map.of("siteId", " ", "brand", "", "page", "2"));

        assertThat(filter).isEqualTo(OrderFilter.NONE);
    }

    @Test
    void noFilterMatchesEveryOrderForAKeyOfAllStores() {
        assertThat(OrderReportQuery.criteria(OrderFilter.NONE, OPERATOR).getCriteriaObject()).isEmpty();
    }

    @Test
    void aStoreKeyOnlyEverMatchesOrdersOfItsStores() {
        Document query = OrderReportQuery.criteria(OrderFilter.NONE, STORE_LJ001).getCriteriaObject();

        assertThat(query.toJson()).isEqualTo(new Document("$and", List.of(new Document("storeIds",
                new Document("$in", List.of("LJ001"))))).toJson());
    }

    @Test
    void turnsEachFilterIntoItsCondition() {
        OrderFilter filter = OrderFilter.parse(Map.of("from", "2026-11-01", "to", "2026-11-02", "siteId", "site-1",
                "storeId", "LJ002", "status", "ACCEPTED", "reference", "3266", "brand", "Acme", "category",
                "Shoes > Running"));

        List<?> conditions = OrderReportQuery.criteria(filter, OPERATOR).getCriteriaObject().get("$and",
                List.class);

        assertThat(conditions).hasSize(7);
        Document received = (Document) conditions.get(0);
        Document range = received.get("receivedAt", Document.class);
        assertThat(range.get("$gte")).isIn(Instant.parse("2026-11-01T00:00:00Z"),
                Date.from(Instant.parse("2026-11-01T00:00:00Z")));
        assertThat(range.get("$lt")).isIn(Instant.parse("2026-11-03T00:00:00Z"),
                Date.from(Instant.parse("2026-11-03T00:00:00Z")));
        assertThat(conditions.get(1)).isEqualTo(new Document("siteId", "site-1"));
        assertThat(conditions.get(2)).isEqualTo(new Document("storeIds", "LJ002"));
        assertThat(conditions.get(3)).isEqualTo(new Document("status", new Document("$in", List.of("ACCEPTED"))));
        assertThat(conditions.get(4)).isEqualTo(new Document("lines.reference", "3266"));
        assertThat(((Document) conditions.get(5)).get("lines.brand")).isInstanceOf(Pattern.class);
        assertThat(((Document) conditions.get(6)).get("lines.category")).isInstanceOf(Pattern.class);
    }

    @Test
    void matchesBrandsWhateverTheCaseButNeverByPart() {
        Pattern brand = OrderReportQuery.exactly("Acme (BR)");

        assertThat(brand.matcher("ACME (br)").matches()).isTrue();
        assertThat(brand.matcher("Acme (BR) Sports").find()).isFalse();
        assertThat(brand.matcher("Acme").find()).isFalse();
    }

    @Test
    void matchesACategoryAndWhatIsBelowIt() {
        Pattern category = OrderReportQuery.categoryOrBelow("shoes>running");

        assertThat(category.matcher("Shoes > Running").find()).isTrue();
        assertThat(category.matcher("Shoes > Running > Trail").find()).isTrue();
        assertThat(category.matcher("Shoes > Running shorts").find()).isFalse();
        assertThat(category.matcher("Shoes").find()).isFalse();
    }
}
