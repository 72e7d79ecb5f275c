package io.omnihub.order.documents;

import io.omnihub.contracts.orders.Address;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * The sender printed on a label: the store's name and postal {@code address} (street, optional number, city,
 * state, postal code) as stored by the stores capability (collection {@code stores}, id = store id); read-only.
 * An unknown store still gets a label, with its id as the name.
 */
@Component
class StoreDirectory {

    static final String STORES = "stores";

    private final MongoTemplate mongo;

    StoreDirectory(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    Shipment.Party sender(String storeId) {
        Document store = mongo.findOne(Query.query(Criteria.where("_id").is(storeId)), Document.class, STORES);
        if (store == null) {
            return new Shipment.Party(storeId, null);
        }
        String name = store.getString("name");
        return new Shipment.Party(name == null || name.isBlank() ? storeId : name + " (" + storeId + ")",
                address(store.get("address")));
    }

    private static Address address(Object stored) {
        if (!(stored instanceof Document address)) {
            return null;
        }
        String street = address.getString("street");
        String number = address.getString("number");
        return new Address(number == null || street == null ? street : street + ", " + number,
                address.getString("city"), address.getString("state"), address.getString("postalCode"), null, null);
    }
}
