/** Orders on the wire: order-service's commands to inventory, fulfilments offered to stores, the order lifecycle. */
package io.omnihub.contracts.orders;
