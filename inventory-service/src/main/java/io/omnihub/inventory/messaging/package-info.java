/** Kafka in and out: the only place that maps the event contracts to the inventory's domain. */
package io.omnihub.inventory.messaging;
