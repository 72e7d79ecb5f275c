/** The object store (S3 API): where files come in, are archived and reported on. */
package io.omnihub.ingest.storage;
