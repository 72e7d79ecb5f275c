package io.omnihub.order.reports;

import io.omnihub.contracts.identity.Identity;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.data.mongodb.core.query.Criteria;

/**
 * Turns report filters and the caller's store scope into a MongoDB criteria on the {@code orders} collection.
 * A key limited to some stores only ever matches orders one of its stores serves. Brand and category match
 * whatever the case; a category also matches its sub-categories ({@code Shoes} matches {@code Shoes > Running}).
 */
final class OrderReportQuery {

    private OrderReportQuery() {
    }

    static Criteria criteria(OrderFilter filter, Identity caller) {
        List<Criteria> all = new ArrayList<>();
        if (filter.from() != null || filter.to() != null) {
            Criteria received = Criteria.where("receivedAt");
            if (filter.from() != null) {
                received = received.gte(filter.from());
            }
            if (filter.to() != null) {
                received = received.lt(filter.to());
            }
            all.add(received);
        }
        if (filter.siteId() != null) {
            all.add(Criteria.where("siteId").is(filter.siteId()));
        }
        if (filter.storeId() != null) {
            all.add(Criteria.where("storeIds").is(filter.storeId()));
        }
        if (!caller.allStores()) {
            all.add(Criteria.where("storeIds").in(caller.stores().stream().sorted().toList()));
        }
        if (!filter.statuses().isEmpty()) {
            all.add(Criteria.where("status").in(filter.statuses().stream().map(Enum::name).sorted().toList()));
        }
        if (filter.reference() != null) {
            all.add(Criteria.where("lines.reference").is(filter.reference()));
        }
        if (filter.brand() != null) {
            all.add(Criteria.where("lines.brand").regex(exactly(filter.brand())));
        }
        if (filter.category() != null) {
            all.add(Criteria.where("lines.category").regex(categoryOrBelow(filter.category())));
        }
        return all.isEmpty() ? new Criteria() : new Criteria().andOperator(all);
    }

    static Pattern exactly(String value) {
        return Pattern.compile("^" + Pattern.quote(value) + "$", Pattern.CASE_INSENSITIVE);
    }

    static Pattern categoryOrBelow(String category) {
        String path = category.strip().replaceAll("\\s*>\\s*", " > ");
        return Pattern.compile("^" + Pattern.quote(path) + "( > .*)?$", Pattern.CASE_INSENSITIVE);
    }
}
