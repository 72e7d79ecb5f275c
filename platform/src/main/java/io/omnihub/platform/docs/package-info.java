/** The OpenAPI document of a service as API users read it: through the gateway, with an API key. */
package io.omnihub.platform.docs;
