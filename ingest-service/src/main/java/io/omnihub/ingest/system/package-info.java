/** Cross-cutting configuration of ingest-service: how its producer batches the events of an import. */
package io.omnihub.ingest.system;
