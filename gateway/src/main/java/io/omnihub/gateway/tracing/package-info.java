/** Correlation ids and the access log: every request is traceable from the client to the service. */
package io.omnihub.gateway.tracing;
