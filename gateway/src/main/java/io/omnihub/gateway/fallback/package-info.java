/** What the client gets when a service cannot answer: 503 problem+json naming the service. */
package io.omnihub.gateway.fallback;
