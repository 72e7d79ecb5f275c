/** Who is calling: the identity the gateway signs after checking an API key, and the services verify. */
package io.omnihub.contracts.identity;
