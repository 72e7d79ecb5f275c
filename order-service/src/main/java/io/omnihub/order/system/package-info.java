/** Cross-cutting configuration: background loops, error mapping, properties. */
package io.omnihub.order.system;
