/** The embedded default stack: a Kafka broker, a MongoDB-wire server and an S3 server on disk, and the ./omni launcher. */
package io.omnihub.localstack;
