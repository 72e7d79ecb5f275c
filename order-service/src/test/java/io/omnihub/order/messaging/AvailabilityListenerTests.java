package io.omnihub.order.messaging;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.omnihub.contracts.Topics;
import io.omnihub.order.availability.AvailabilityProjection;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.listener.ConsumerSeekAware.ConsumerSeekCallback;
import tools.jackson.databind.json.JsonMapper;

/** The projection is rebuilt from the compacted topic when it starts empty, and only then. */
class AvailabilityListenerTests {

    private static final Map<TopicPartition, Long> ASSIGNED = Map.of(
            new TopicPartition(Topics.INVENTORY_AVAILABILITY, 0), 42L,
            new TopicPartition(Topics.INVENTORY_AVAILABILITY, 1), 7L);

    private final AvailabilityProjection projection = mock(AvailabilityProjection.class);
    private final ConsumerSeekCallback callback = mock(ConsumerSeekCallback.class);

    @Test
    void anEmptyProjectionReadsItsPartitionsFromTheBeginningWhateverWasCommitted() {
        when(projection.isEmpty()).thenReturn(true);

        new AvailabilityListener(projection, JsonMapper.builder().build()).onPartitionsAssigned(ASSIGNED, callback);

        verify(callback).seekToBeginning(ASSIGNED.keySet());
    }

    @Test
    void aFilledProjectionGoesOnFromTheCommittedOffsets() {
        when(projection.isEmpty()).thenReturn(false);

        new AvailabilityListener(projection, JsonMapper.builder().build()).onPartitionsAssigned(ASSIGNED, callback);

        verify(callback, never()).seekToBeginning(any(java.util.Collection.class));
    }
}
