/** Every service verifies the identity the gateway signed: no token, no API; store scope checks for controllers. */
package io.omnihub.platform.security;
