/** Kafka conventions: CloudEvents JSON events, dead letters, topic declarations, health. */
package io.omnihub.platform.kafka;
