package io.omnihub.order.reports;

import java.io.Closeable;
import java.io.IOException;
import java.util.List;

/** Where export rows go, one at a time, so no export is ever held in memory whole. */
interface RowWriter extends Closeable {

    void header(List<String> names);

    /** Cells are String, Long or BigDecimal, or null for an empty cell. */
    void row(List<Object> cells);

    /** Completes the file once every row is in; a writer closed without it leaves the export unfinished. */
    void finish() throws IOException;
}
