/** Stock levels from the ERP, partial or full snapshots, into inventory's topic. */
package io.omnihub.ingest.stock;
