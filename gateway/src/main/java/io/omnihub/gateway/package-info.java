/** The gateway: the single front door that routes {@code /api/v1} to the five services. */
package io.omnihub.gateway;
