package io.omnihub.benchmarks;

import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything one run measured, filled in as the run goes; {@link Report} turns it into BENCHMARKS.md. Fields stay
 * empty (null, -1) for what a run could not measure, and the report says so instead of inventing a figure.
 */
final class Results {

    // the machine and the run
    ZonedDateTime startedAt;
    String machine;
    String javaVersion;
    String commit;
    List<String> command = List.of();
    String loadAtStart;
    String loadAtEnd;

    // the file
    int rows;
    long fileBytes;
    long generateMillis;

    // ceiling A: parse-only
    int parseWarmups;
    List<ParseOnly.Pass> parsePasses = List.of();
    List<String> serviceJvmOptions = List.of();
    List<ParseOnly.Pass> parsePassesWithServiceFlags = List.of();

    // omnihub end to end
    String ingestMaxHeap;
    String inboxPollInterval;
    long uploadMillis = -1;
    long detectedMillis = Long.MIN_VALUE;
    long allInKafkaMillis = -1;
    long completedMillis = -1;
    long jobDurationMillis = -1;
    String jobState;
    long rowsRead = -1;
    long rowsAccepted = -1;
    long rowsRejected = -1;
    long storedMillis = -1;
    long catalogGaveUpMillis = -1;
    long storedWhenGivenUp = -1;
    long storedByApi = -1;
    long storedInMongo = -1;
    String failure;

    // the warm-up import before the measured one (none when warmUpRows is 0)
    int warmUpRows;
    long warmUpCompletedMillis = -1;
    long warmUpStoredMillis = -1;

    // memory
    long ingestPeakRssKib = -1;
    long ingestRssBeforeKib = -1;
    long ingestMaxLiveHeapBytes = -1;
    long ingestHeapMaxBytes = -1;
    long ingestGcPauses = -1;
    double ingestGcPauseSeconds = -1;
    boolean ingestAliveAfter;
    boolean ingestLoggedOutOfMemory;
    long catalogPeakRssKib = -1;

    // where the CPU went: per process and phase, and the busiest threads
    final Map<String, Long> cpuMillisToKafka = new LinkedHashMap<>();
    final Map<String, Long> cpuMillisToCatalog = new LinkedHashMap<>();
    final Map<String, List<ThreadCpu.ThreadTime>> busiestThreads = new LinkedHashMap<>();
    final List<long[]> timeline = new ArrayList<>();

    // ceiling B: the broker
    KafkaProgress.RecordSizes recordSizes;
    List<String> producerPerfArguments = List.of();
    ProducerPerf.Summary producerPerf;
    long brokerCpuMillisDuringProducerPerf = -1;
    boolean catalogStoppedBeforeBrokerCeiling;
    List<String> producerPerfFullArguments = List.of();
    ProducerPerf.Summary producerPerfFull;

    List<String> producerPerfTunedArguments = List.of();
    ProducerPerf.Summary producerPerfTuned;
    List<String> extraIngestJvmOptions = List.of();
    /** Options appended to ingest's and catalog's flags to undo the local stack's C1-only compilation. */
    List<String> serviceJit = List.of();

    // optional JFR profiles, by part
    final Map<String, Profiler.Summary> profiles = new LinkedHashMap<>();

    double parseCeiling() {
        return parsePasses.stream().mapToDouble(ParseOnly.Pass::rowsPerSecond).max().orElse(Double.NaN);
    }

    double toKafkaRate() {
        return completedMillis > 0 && rowsAccepted > 0 ? rowsAccepted * 1000.0 / completedMillis : Double.NaN;
    }

    /** The warm-up file's rate to Kafka: the first import of a freshly started ingest-service. */
    double warmUpToKafkaRate() {
        return warmUpCompletedMillis > 0 ? warmUpRows * 1000.0 / warmUpCompletedMillis : Double.NaN;
    }

    double toCatalogRate() {
        return storedMillis > 0 && rowsAccepted > 0 ? rowsAccepted * 1000.0 / storedMillis : Double.NaN;
    }

    /**
     * When the catalog had not finished by the end of the wait, the most its rate can be: finishing at that very
     * moment. NaN when it finished (or never started).
     */
    double toCatalogRateBound() {
        return storedMillis < 0 && catalogGaveUpMillis > 0 && rowsAccepted > 0
                ? rowsAccepted * 1000.0 / catalogGaveUpMillis : Double.NaN;
    }
}
