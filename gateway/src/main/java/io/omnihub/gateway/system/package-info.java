/** Cross-cutting configuration: circuit breaker defaults, request size limit, problem+json errors. */
package io.omnihub.gateway.system;
