package io.omnihub.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Puts each benchmark's latest report into BENCHMARKS.md between markers named after the benchmark, so that one
 * command ({@code benchmarks/run --all}) refreshes every figure while the prose around them (goals, analysis) stays.
 *
 * <p>Usage: {@code Sections <BENCHMARKS.md> <name>=<report.md>...}; a report that does not exist is recorded as
 * "not run" in its section, so a failed benchmark never leaves the previous run's figures looking current.
 */
public final class Sections {

    private Sections() {
    }

    static String begin(String name) {
        return "<!-- results:" + name + ":begin (written by benchmarks/run --all; do not edit) -->";
    }

    static String end(String name) {
        return "<!-- results:" + name + ":end -->";
    }

    /**
     * {@code existing} with the part between {@code name}'s markers replaced by {@code body}, or the markers appended;
     * the report's headings go two levels down, under the section that holds it.
     */
    static String replace(String existing, String name, String body) {
        String nested = body.strip().lines().map(line -> line.startsWith("#") ? "##" + line : line)
                .collect(java.util.stream.Collectors.joining("\n"));
        String marked = begin(name) + "\n" + nested + "\n" + end(name);
        int from = existing.indexOf(begin(name));
        int to = existing.indexOf(end(name));
        if (from < 0 || to < from) {
            return existing.stripTrailing() + "\n\n" + marked + "\n";
        }
        return existing.substring(0, from) + marked + existing.substring(to + end(name).length());
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            throw new IllegalArgumentException("usage: Sections <BENCHMARKS.md> <name>=<report.md>...");
        }
        Path file = Path.of(args[0]);
        String text = Files.readString(file, StandardCharsets.UTF_8);
        for (int i = 1; i < args.length; i++) {
            int eq = args[i].indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("expected <name>=<report.md>, got " + args[i]);
            }
            String name = args[i].substring(0, eq);
            Path report = Path.of(args[i].substring(eq + 1));
            String body = Files.exists(report) ? Files.readString(report, StandardCharsets.UTF_8)
                    : "_Not run: the last `benchmarks/run --all` produced no report for this benchmark (see its output)._";
            text = replace(text, name, body);
        }
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
