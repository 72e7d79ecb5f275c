/** order-service's own view of the catalog (from {@code catalog.products}), to enrich order lines. */
package io.omnihub.order.catalog;
