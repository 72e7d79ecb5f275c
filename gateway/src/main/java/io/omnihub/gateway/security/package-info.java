/** API keys (stored hashed), the role matrix per route, store scope, and the signed identity sent to the services. */
package io.omnihub.gateway.security;
