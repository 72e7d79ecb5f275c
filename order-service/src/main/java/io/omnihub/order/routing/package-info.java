/**
 * Where an order goes: {@link io.omnihub.order.routing.RoutingPolicy} (plain Java: filters, ranking, splits) and
 * the routing profiles that configure it per site; the router applies it to orders and the dry-run explains it.
 */
package io.omnihub.order.routing;
