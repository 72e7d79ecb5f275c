/** Reading spreadsheets row by row with bounded memory, cells as exact text. */
package io.omnihub.ingest.sheet;
