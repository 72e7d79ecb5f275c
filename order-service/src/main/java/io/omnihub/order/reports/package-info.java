/** Order reports: filtered, paginated lists, summaries by store, status and day, and xlsx/csv exports. */
package io.omnihub.order.reports;
