package io.omnihub.order.catalog;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * Which product an EAN belongs to ({@code product_eans}, id = EAN), newest update wins: a look-up by id, where a
 * query by the product's {@code ean} field reads every product in a MongoDB without secondary indexes (the
 * embedded one).
 */
@Document("product_eans")
record ProductByEan(@Id String ean, String reference, String sequence) {
}
