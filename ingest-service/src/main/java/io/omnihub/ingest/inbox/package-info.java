/** The inbox bucket: finding new objects (polling and MinIO notifications) and importing each exactly once. */
package io.omnihub.ingest.inbox;
