/**
 * order-service's own view of what each store can promise (from the compacted {@code inventory.availability}),
 * which routing reads; rebuilt from the topic when it starts empty.
 */
package io.omnihub.order.availability;
