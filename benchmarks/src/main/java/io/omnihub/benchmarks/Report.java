package io.omnihub.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Writes a run's {@link Results} as Markdown between two markers, so that BENCHMARKS.md keeps what people wrote
 * around the figures (the analysis, how to rerun) while every rerun replaces the figures themselves.
 */
final class Report {

    static final String BEGIN = "<!-- benchmark-results:begin (written by benchmarks/run; do not edit) -->";
    static final String END = "<!-- benchmark-results:end -->";
    static final double GOAL_TO_KAFKA = 0.50;
    static final double GOAL_TO_CATALOG = 0.25;

    private Report() {
    }

    /** {@code 12,345} rows/s, or a dash when there is no figure. */
    static String rate(double perSecond) {
        return Double.isNaN(perSecond) || perSecond <= 0 ? "—" : String.format(Locale.ROOT, "%,.0f", perSecond);
    }

    /** {@code part / whole} with two decimals, or a dash when either is missing. */
    static String ratio(double part, double whole) {
        if (Double.isNaN(part) || Double.isNaN(whole) || whole <= 0 || part <= 0) {
            return "—";
        }
        return String.format(Locale.ROOT, "%.2f", part / whole);
    }

    /** Met or missed against a goal given as a ratio; not measured when there is no ratio. */
    static String verdict(double part, double whole, double goal) {
        if (Double.isNaN(part) || Double.isNaN(whole) || whole <= 0 || part <= 0) {
            return "not measured";
        }
        return part / whole >= goal ? "**met**" : "**missed**";
    }

    static String seconds(long millis) {
        return millis < 0 ? "—" : String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }

    static String mib(long bytes) {
        return bytes < 0 ? "—" : String.format(Locale.ROOT, "%.0f MiB", bytes / 1024.0 / 1024.0);
    }

    /** Replaces the part between the markers of {@code existing}, or gives a new file around the section. */
    static String merge(String existing, String section) {
        String marked = BEGIN + "\n" + section.strip() + "\n" + END;
        int begin = existing == null ? -1 : existing.indexOf(BEGIN);
        int end = existing == null ? -1 : existing.indexOf(END);
        if (begin < 0 || end < begin) {
            return "# Benchmarks\n\n" + marked + "\n";
        }
        return existing.substring(0, begin) + marked + existing.substring(end + END.length());
    }

    static void write(Path file, Results results) throws IOException {
        String existing = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : null;
        Files.writeString(file, merge(existing, section(results)), StandardCharsets.UTF_8);
    }

    static String section(Results r) {
        StringBuilder md = new StringBuilder();
        double ceiling = r.parseCeiling();
        double toKafka = r.toKafkaRate();
        double toCatalog = r.toCatalogRate();
        double broker = r.producerPerf == null ? Double.NaN : r.producerPerf.recordsPerSecond();
        md.append("## Latest run: %,d-row product .xlsx, %s%n%n".formatted(r.rows,
                r.startedAt.format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z"))));
        md.append("Machine: ").append(r.machine).append(". Java: ").append(r.javaVersion).append(". Commit: ")
                .append(r.commit).append(".  \n");
        md.append("Load average (1, 5, 15 min) at the start: ").append(r.loadAtStart).append("; at the end: ")
                .append(r.loadAtEnd).append(" (other work on the machine lowers every figure; compare ratios within "
                        + "one run).  \n");
        md.append("Command: `").append(String.join(" ", r.command)).append("`. File: %,d rows + header, %s"
                .formatted(r.rows, mib(r.fileBytes))).append(" (written by fastexcel in ")
                .append(seconds(r.generateMillis)).append(").\n\n");
        if (r.failure != null) {
            md.append("**The end-to-end part failed:** ").append(r.failure).append("\n\n");
        }

        md.append("| figure | rows/s | ceiling (same run) | ratio | goal | |\n");
        md.append("| --- | ---: | ---: | ---: | ---: | --- |\n");
        md.append("| A. parse-only, fastexcel-reader, in-process (best of %d passes after %d warm-up) | %s | — | 1.00 | — | ceiling |%n"
                .formatted(r.parsePasses.size(), r.parseWarmups, rate(ceiling)));
        md.append("| B. Kafka ProducerPerformance, %s-byte records, acks=all, idempotent | %s | — | — | — | broker ceiling |%n"
                .formatted(r.recordSizes == null ? "?" : Long.toString(Math.round(r.recordSizes.value())), rate(broker)));
        md.append("| omnihub file → Kafka (file in bucket → import COMPLETED, every event acked) | %s | A %s | %s | ≥ %.2f | %s |%n"
                .formatted(rate(toKafka), rate(ceiling), ratio(toKafka, ceiling), GOAL_TO_KAFKA,
                        verdict(toKafka, ceiling, GOAL_TO_KAFKA)));
        md.append(catalogRow(r, toCatalog, ceiling));
        md.append("| omnihub file → Kafka against the broker ceiling | %s | B %s | %s | — | for the analysis |%n"
                .formatted(rate(toKafka), rate(broker), ratio(toKafka, broker)));
        if (r.warmUpRows > 0) {
            md.append("| omnihub file → Kafka, the first import of the fresh service (the %,d-row warm-up file) | %s | A %s | %s | — | for the analysis |%n"
                    .formatted(r.warmUpRows, rate(r.warmUpToKafkaRate()), rate(ceiling),
                            ratio(r.warmUpToKafkaRate(), ceiling)));
        }
        md.append('\n');
        md.append(r.warmUpRows > 0
                ? ("The measured file was imported after a warm-up import of %,d other products (stored by the catalog "
                        + "before the upload: %s), so that it meets services whose code the JIT has compiled, as the "
                        + "parse-only passes do; the warm-up's own rate is the last row above.%n%n")
                        .formatted(r.warmUpRows, seconds(r.warmUpStoredMillis))
                : "The measured file was the first import of freshly started services (`--warm-up-rows 0`).\n\n");

        md.append("### Memory: ingest-service at ").append(r.ingestMaxHeap).append("\n\n");
        md.append(r.serviceJit.isEmpty()
                ? "- Services compiled as the local stack starts them: C1 only (`--c1-only`).\n"
                : "- ingest-service and catalog-service ran with `" + String.join(" ", r.serviceJit)
                        + "` appended to the local stack's flags (the full JIT instead of C1 only).\n");
        if (!r.extraIngestJvmOptions.isEmpty()) {
            md.append("- **Not the default flags:** ingest ran with `").append(String.join(" ", r.extraIngestJvmOptions))
                    .append("` added (`--ingest-jvm`).\n");
        }
        md.append("- Import outcome: %s, %s rows read, %s accepted, %s rejected; ingest %s after the import%s.%n"
                .formatted(r.jobState == null ? "—" : r.jobState, count(r.rowsRead), count(r.rowsAccepted),
                        count(r.rowsRejected), r.ingestAliveAfter ? "still running" : "**not running**",
                        r.ingestLoggedOutOfMemory ? ", **OutOfMemoryError in its log**" : ", no OutOfMemoryError in its log"));
        md.append("- Peak resident set (VmHWM) of the ingest process: %s (%s before the import); heap limit %s.%n"
                .formatted(kib(r.ingestPeakRssKib), kib(r.ingestRssBeforeKib), mib(r.ingestHeapMaxBytes)));
        md.append("- Largest live heap after a collection (Micrometer `jvm.gc.live.data.size`, sampled every 2 s): %s; "
                .formatted(mib(r.ingestMaxLiveHeapBytes)));
        md.append("GC during the import: %s pauses, %s.%n".formatted(count(r.ingestGcPauses),
                r.ingestGcPauseSeconds < 0 ? "—" : String.format(Locale.ROOT, "%.1f s", r.ingestGcPauseSeconds)));
        md.append("- Peak resident set of catalog-service: %s.%n%n".formatted(kib(r.catalogPeakRssKib)));

        md.append("### Details\n\n");
        md.append("Parse-only passes, in-process (harness JVM, default flags): ")
                .append(passes(r.parsePasses)).append(".  \n");
        md.append("Parse-only passes in a fresh JVM with ingest-service's flags (`")
                .append(String.join(" ", r.serviceJvmOptions)).append("`): ")
                .append(passes(r.parsePassesWithServiceFlags)).append(" (the first pass is what an import meets).\n\n");

        md.append("End to end, from the moment the file is in the bucket (inbox poll interval ")
                .append(r.inboxPollInterval).append("):\n\n");
        md.append("| step | at |\n| --- | ---: |\n");
        md.append("| upload of the file to `omnihub-inbox/products/` (before t0, not counted) | ")
                .append(seconds(r.uploadMillis)).append(" |\n");
        md.append("| ingest claimed the import job (job `startedAt`) | ").append(r.detectedMillis == Long.MIN_VALUE ? "—"
                : r.detectedMillis < 0 ? "0.0 s (before the upload call had returned)" : seconds(r.detectedMillis))
                .append(" |\n");
        md.append("| last event appended to `catalog.products` (end offsets) | ").append(seconds(r.allInKafkaMillis))
                .append(" |\n");
        md.append("| import COMPLETED (all acks awaited, error report, archive copy) | ").append(seconds(r.completedMillis))
                .append(" |\n");
        md.append("| catalog-service committed the last event (lag 0) | ").append(r.storedMillis >= 0
                ? seconds(r.storedMillis) : r.catalogGaveUpMillis >= 0 ? "not by %s: %s of %s stored".formatted(
                        seconds(r.catalogGaveUpMillis), count(r.storedWhenGivenUp), count(r.rowsAccepted)) : "—")
                .append(" |\n");
        md.append("| products stored: catalog API `totalItems` / documents in `catalog.products` | ")
                .append(count(r.storedByApi)).append(" / ").append(count(r.storedInMongo)).append(" |\n\n");
        md.append("Import job duration as ingest recorded it (`startedAt` → `finishedAt`): ")
                .append(seconds(r.jobDurationMillis)).append(".\n\n");

        if (!r.timeline.isEmpty()) {
            md.append("Progress (events appended to Kafka / committed by catalog-service):\n\n");
            md.append("| t | in Kafka | stored |\n| ---: | ---: | ---: |\n");
            for (long[] point : thin(r.timeline, 12)) {
                md.append("| %s | %,d | %,d |%n".formatted(seconds(point[0]), point[1], point[2]));
            }
            md.append('\n');
        }

        md.append("CPU time by process (user + system; this machine has ").append(Runtime.getRuntime().availableProcessors())
                .append(" CPUs, so the most one phase can use is that many CPU-seconds per second):\n\n");
        md.append("| process | t0 → import COMPLETED | COMPLETED → %s |%n| --- | ---: | ---: |%n".formatted(
                r.storedMillis >= 0 ? "catalog lag 0" : "end of the wait for the catalog"));
        r.cpuMillisToKafka.forEach((part, millis) -> md.append("| %s | %s | %s |%n".formatted(part, seconds(millis),
                seconds(r.cpuMillisToCatalog.getOrDefault(part, -1L)))));
        long catalogEnd = r.storedMillis >= 0 ? r.storedMillis : r.catalogGaveUpMillis;
        md.append("| (wall time of the phase) | %s | %s |%n%n".formatted(seconds(r.completedMillis),
                catalogEnd < 0 || r.completedMillis < 0 ? "—" : seconds(catalogEnd - r.completedMillis)));
        r.busiestThreads.forEach((part, threads) -> {
            md.append("Busiest threads of ").append(part).append(": ");
            md.append(String.join(", ", threads.stream().map(thread -> "`%s` %s".formatted(thread.name(),
                    seconds(thread.cpuMillis()))).toList()));
            md.append(".  \n");
        });
        md.append('\n');

        if (r.recordSizes != null) {
            md.append("omnihub's `ProductUpserted` records on `catalog.products` (all %,d read back): value (JSON) %.0f B, key %.0f B, headers (CloudEvents) %.0f B, %.0f B in all.%n%n"
                    .formatted(r.recordSizes.records(), r.recordSizes.value(), r.recordSizes.key(),
                            r.recordSizes.headers(), r.recordSizes.total()));
        }
        if (r.producerPerf != null) {
            md.append("Broker ceiling: `").append(ProducerPerf.MAIN_CLASS).append(' ')
                    .append(String.join(" ", r.producerPerfArguments)).append("` → ").append(summary(r.producerPerf))
                    .append("; the broker used %s of CPU meanwhile%s.  %n".formatted(
                            seconds(r.brokerCpuMillisDuringProducerPerf), r.catalogStoppedBeforeBrokerCeiling
                                    ? " (catalog-service, unfinished, had been stopped first so that the machine was "
                                    + "quiet)" : ""));
        }
        if (r.producerPerfFull != null) {
            md.append("Same with records as large as omnihub's whole record (value + key + headers): `")
                    .append(String.join(" ", r.producerPerfFullArguments)).append("` → ")
                    .append(summary(r.producerPerfFull)).append(".  \n");
        }
        if (r.producerPerfTuned != null) {
            md.append("For the analysis only, the value-size run with larger producer batches: `")
                    .append(String.join(" ", r.producerPerfTunedArguments)).append("` → ")
                    .append(summary(r.producerPerfTuned)).append(".");
        }
        md.append("\n\n");

        r.profiles.forEach((part, profile) -> {
            md.append("JFR CPU samples of ").append(part).append(" (%,d samples): ".formatted(profile.samples()));
            md.append("by thread ").append(shares(profile.threads())).append("; by part of the pipeline (the innermost "
                    + "frame that belongs to one) ").append(shares(profile.components()))
                    .append("; hottest methods (self) ").append(shares(profile.hottestMethods())).append(".\n\n");
        });
        return md.toString();
    }

    /** The catalog's row: its rate, or when it had not finished, the most its rate can be. */
    static String catalogRow(Results r, double toCatalog, double ceiling) {
        String figure = "| omnihub file → stored catalog (file in bucket → catalog's lag 0) | ";
        double bound = r.toCatalogRateBound();
        if (Double.isNaN(toCatalog) && !Double.isNaN(bound)) {
            String verdict = bound / ceiling < GOAL_TO_CATALOG ? "**missed** (even the bound is below the goal)"
                    : "not measured (unfinished)";
            return figure + "< %s (unfinished: %s of %s stored after %s) | A %s | < %s | ≥ %.2f | %s |%n".formatted(
                    rate(bound), count(r.storedWhenGivenUp), count(r.rowsAccepted), seconds(r.catalogGaveUpMillis),
                    rate(ceiling), ratio(bound, ceiling), GOAL_TO_CATALOG, verdict);
        }
        return figure + "%s | A %s | %s | ≥ %.2f | %s |%n".formatted(rate(toCatalog), rate(ceiling),
                ratio(toCatalog, ceiling), GOAL_TO_CATALOG, verdict(toCatalog, ceiling, GOAL_TO_CATALOG));
    }

    private static String shares(List<Profiler.Share> shares) {
        return String.join(", ", shares.stream().map(share -> "%s %.0f%%".formatted(share.what().contains(" ")
                ? share.what() : "`" + share.what() + "`", share.fraction() * 100)).toList());
    }

    private static String summary(ProducerPerf.Summary s) {
        return String.format(Locale.ROOT, "%,d records, %,.0f records/s (%.2f MB/s), latency avg %.0f ms, p50 %d ms, "
                + "p99 %d ms, max %.0f ms", s.records(), s.recordsPerSecond(), s.megabytesPerSecond(), s.avgLatencyMs(),
                s.p50Ms(), s.p99Ms(), s.maxLatencyMs());
    }

    private static String passes(List<ParseOnly.Pass> passes) {
        if (passes.isEmpty()) {
            return "not measured";
        }
        return String.join(", ", passes.stream().map(pass -> "%s (%s rows/s)".formatted(seconds(pass.nanos() / 1_000_000),
                rate(pass.rowsPerSecond()))).toList());
    }

    private static String count(long value) {
        return value < 0 ? "—" : String.format(Locale.ROOT, "%,d", value);
    }

    private static String kib(long kib) {
        return kib < 0 ? "—" : String.format(Locale.ROOT, "%.0f MiB", kib / 1024.0);
    }

    /** At most about {@code points} rows of a long timeline, always with its last point. */
    static List<long[]> thin(List<long[]> timeline, int points) {
        int step = Math.max(1, timeline.size() / points);
        List<long[]> thinned = new ArrayList<>();
        for (int i = 0; i < timeline.size(); i += step) {
            thinned.add(timeline.get(i));
        }
        if (thinned.get(thinned.size() - 1) != timeline.get(timeline.size() - 1)) {
            thinned.add(timeline.get(timeline.size() - 1));
        }
        return thinned;
    }
}
