package io.omnihub.inventory.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omnihub.contracts.Golden;
import io.omnihub.contracts.inventory.StockLevelReported;
import io.omnihub.contracts.inventory.StockMode;
import io.omnihub.contracts.inventory.StockSnapshotCompleted;
import io.omnihub.inventory.stock.PendingAvailability;
import io.omnihub.inventory.stock.SnapshotMarker;
import io.omnihub.inventory.stock.StockReport;
import io.omnihub.platform.kafka.InvalidEventException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class StockEventsTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Instant AS_OF = Instant.parse("2026-11-28T17:30:00Z");

    @Test
    void theProducersGoldenFigureBecomesAFigureOfItsSnapshot() {
        StockLevelReported event = JSON.readValue(Golden.bytes("inventory.stock-updates/stock-level-reported.json"),
                StockLevelReported.class);

        assertThat(StockEvents.toReport(event)).isEqualTo(new StockReport("LJ002", "7891000015834", 9, AS_OF,
                "imp-01JDZ3Q8W9", "imp-01JDZ3Q8W9", 4, Instant.parse("2026-11-28T17:31:02Z")));
    }

    @Test
    void theProducersGoldenMarkerBecomesAMarker() {
        StockSnapshotCompleted event = JSON.readValue(
                Golden.bytes("inventory.stock-updates/stock-snapshot-completed.json"), StockSnapshotCompleted.class);

        assertThat(StockEvents.toMarker(event)).isEqualTo(new SnapshotMarker("imp-01JDZ3Q8W9", "imp-01JDZ3Q8W9",
                List.of("LJ001", "LJ002", "LJ003"), AS_OF, 1, 3, 52));
    }

    @Test
    void aPartialFigureBelongsToNoSnapshot() {
        var event = new StockLevelReported("LJ001", "7891000000007", 3, AS_OF, StockMode.PARTIAL, "imp-9", "imp-9",
                1, AS_OF);

        assertThat(StockEvents.toReport(event).snapshotId()).isNull();
    }

    @Test
    void availabilityGoesOutAsTheGoldenEventSaysIt() {
        var availability = new PendingAvailability("LJ002", "7891000015834", 7, 9, 2, AS_OF, 4);

        var written = JSON.readTree(JSON.writeValueAsBytes(StockEvents.toEvent(availability)));

        assertThat(written).isEqualTo(JSON.readTree(Golden.bytes("inventory.availability/availability-changed.json")));
        assertThat(StockEvents.key(availability)).isEqualTo("LJ002:7891000015834");
        assertThat(StockEvents.eventId(availability)).isEqualTo("LJ002:7891000015834:4");
    }

    @Test
    void figuresThatCanNeverBeAppliedAreInvalidEvents() {
        List<StockLevelReported> invalid = List.of(
                new StockLevelReported("LJ001", "7891000000007", -1, AS_OF, StockMode.PARTIAL, null, "imp", 1, AS_OF),
                new StockLevelReported(" ", "7891000000007", 1, AS_OF, StockMode.PARTIAL, null, "imp", 1, AS_OF),
                new StockLevelReported("LJ001", null, 1, AS_OF, StockMode.PARTIAL, null, "imp", 1, AS_OF),
                new StockLevelReported("LJ001", "7891000000007", 1, null, StockMode.PARTIAL, null, "imp", 1, AS_OF),
                new StockLevelReported("LJ001", "7891000000007", 1, AS_OF, StockMode.PARTIAL, null, "imp", 1, null),
                new StockLevelReported("LJ001", "7891000000007", 1, AS_OF, null, null, "imp", 1, AS_OF),
                new StockLevelReported("LJ001", "7891000000007", 1, AS_OF, StockMode.FULL, null, "imp", 1, AS_OF));

        assertThat(invalid).allSatisfy(event -> assertThatThrownBy(() -> StockEvents.toReport(event))
                .isInstanceOf(InvalidEventException.class).hasMessageContaining("row 1"));
    }

    @Test
    void aMarkerOfAPartitionOutsideTheSnapshotIsInvalid() {
        var event = new StockSnapshotCompleted("imp-1", "imp-1", List.of("LJ001"), AS_OF, 3, 3, 10);

        assertThatThrownBy(() -> StockEvents.toMarker(event)).isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("partition 3 of 3");
    }
}
