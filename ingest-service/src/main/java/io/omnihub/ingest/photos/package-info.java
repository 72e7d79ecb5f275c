/** Product photos dropped in the inbox: named by reference and sequence, kept in the archive. */
package io.omnihub.ingest.photos;
