package io.omnihub.order.documents;

import java.util.List;
import java.util.Optional;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/** Single-document writes on {@link FulfillmentDocuments}: a label is set once, a proof is replaced. */
@Repository
class FulfillmentDocumentsRepository {

    private final MongoTemplate mongo;

    FulfillmentDocumentsRepository(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    Optional<FulfillmentDocuments> find(String fulfillmentId) {
        return Optional.ofNullable(mongo.findById(fulfillmentId, FulfillmentDocuments.class));
    }

    List<FulfillmentDocuments> ofOrder(String orderId) {
        return mongo.find(Query.query(Criteria.where("orderId").is(orderId)), FulfillmentDocuments.class);
    }

    /** Records the proof, replacing an earlier one; returns the document as it was before. */
    Optional<FulfillmentDocuments> saveProof(Shipment shipment, FulfillmentDocuments.StoredDocument proof) {
        Update update = identity(shipment).set("proofOfDelivery", proof);
        return Optional.ofNullable(mongo.findAndModify(byId(shipment.fulfillmentId()), update,
                FindAndModifyOptions.options().upsert(true).returnNew(false), FulfillmentDocuments.class));
    }

    /**
     * Records the label unless another request recorded one first; returns the label that counts (ours or the
     * earlier one), so two simultaneous first requests still agree on one tracking code.
     */
    FulfillmentDocuments.ShippingLabel saveLabelOnce(Shipment shipment, FulfillmentDocuments.ShippingLabel label) {
        mongo.upsert(byId(shipment.fulfillmentId()), identity(shipment), FulfillmentDocuments.class);
        Query withoutLabel = Query.query(Criteria.where("_id").is(shipment.fulfillmentId())
                .and("shippingLabel").is(null));
        long changed = mongo.updateFirst(withoutLabel, new Update().set("shippingLabel", label),
                FulfillmentDocuments.class).getModifiedCount();
        if (changed == 1) {
            return label;
        }
        return find(shipment.fulfillmentId()).map(FulfillmentDocuments::shippingLabel).orElseThrow();
    }

    private static Update identity(Shipment shipment) {
        return new Update().setOnInsert("orderId", shipment.orderId()).setOnInsert("storeId", shipment.storeId());
    }

    private static Query byId(String fulfillmentId) {
        return Query.query(Criteria.where("_id").is(fulfillmentId));
    }
}
