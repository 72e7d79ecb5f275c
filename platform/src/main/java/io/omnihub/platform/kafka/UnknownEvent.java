package io.omnihub.platform.kafka;

/**
 * A record whose {@code ce_type} this build's contracts do not know (a newer producer added a type), bound for a
 * listener of several event types: a {@code @KafkaHandler(isDefault = true)} taking {@code Object} can skip it,
 * a listener without one dead-letters it.
 */
public record UnknownEvent(String type, byte[] data) {
}
