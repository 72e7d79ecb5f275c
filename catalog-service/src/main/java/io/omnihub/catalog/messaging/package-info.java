/** Kafka listeners: the only place that maps event contracts to the catalog's domain. */
package io.omnihub.catalog.messaging;
