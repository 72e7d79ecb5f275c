package io.omnihub.ingest.stock;

import io.omnihub.ingest.imports.ImportKind;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where the pages of one full-stock pull run live in the inbox, and the snapshot they make together:
 * {@code stock/full/pulls/<integration>/<run>/p000001.json}. Each page is an import of its own, but no page is
 * the stores' whole stock: only all of them are, so they share one snapshot id and it is closed once, after
 * the last page.
 */
public final class PulledSnapshot {

    private static final String PULLS = ImportKind.STOCK_FULL.prefix() + "pulls/";
    private static final Pattern PAGE_KEY = Pattern.compile(Pattern.quote(PULLS) + "([^/]+)/([^/]+)/[^/]+");

    private PulledSnapshot() {
    }

    /** The object name (under the {@code stock/full/} prefix) of one page of a run. */
    public static String pageName(String integration, String runId, int page) {
        return "pulls/" + integration + "/" + runId + "/p" + String.format("%06d", page) + ".json";
    }

    /** The key prefix of every page of a run, under which their import jobs are found. */
    public static String pagesPrefix(String integration, String runId) {
        return PULLS + integration + "/" + runId + "/";
    }

    /** The snapshot id of a run: every page's rows carry it, and so do the run's end markers. */
    public static String snapshotId(String integration, String runId) {
        return "pull-" + integration + "-" + runId;
    }

    /** The snapshot of the run a page belongs to; empty for a file that is a snapshot on its own. */
    static Optional<String> ofPage(String objectKey) {
        Matcher matcher = PAGE_KEY.matcher(objectKey == null ? "" : objectKey);
        return matcher.matches() ? Optional.of(snapshotId(matcher.group(1), matcher.group(2))) : Optional.empty();
    }
}
