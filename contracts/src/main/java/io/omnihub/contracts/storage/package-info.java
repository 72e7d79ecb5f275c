/** Notifications the object store (MinIO) writes to Kafka. */
package io.omnihub.contracts.storage;
