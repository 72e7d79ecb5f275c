/** The ingest-service application. */
package io.omnihub.ingest;
