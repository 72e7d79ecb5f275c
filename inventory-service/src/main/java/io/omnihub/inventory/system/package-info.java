/** Cross-cutting configuration: the safety stock the availability policy is built from. */
package io.omnihub.inventory.system;
