/** The stores orders are routed to: location, journeys, daily capacity, priority, ERP endpoint; their load today. */
package io.omnihub.order.store;
