/** The reservation benchmark of issue 4: reservations confirmed per second against the raw conditional-update rate of the same MongoDB. */
package io.omnihub.benchmarks.reservations;
