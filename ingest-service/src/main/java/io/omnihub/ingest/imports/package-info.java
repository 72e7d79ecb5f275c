/** Import jobs: one per input, with state, counters, first errors and the per-row report. */
package io.omnihub.ingest.imports;
