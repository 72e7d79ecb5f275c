/** Owns orders and fulfilments: routing to stores, acceptance, lifecycle, documents, returns, reports. */
package io.omnihub.order;
