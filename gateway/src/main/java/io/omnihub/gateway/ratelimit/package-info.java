/** Rate limits per API key: an in-memory token bucket per client, 429 problem+json with Retry-After. */
package io.omnihub.gateway.ratelimit;
