/** Documents of a fulfilment kept in the omnihub-documents bucket: proofs of delivery, shipping labels, tracking. */
package io.omnihub.order.documents;
