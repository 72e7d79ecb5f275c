/** Available-to-promise: the pure rule that turns stock figures and safety stock into what may be sold. */
package io.omnihub.inventory.availability;
