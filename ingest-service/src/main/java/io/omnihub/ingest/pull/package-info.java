/** Pulling from ERP APIs on a schedule: pages stored as inbox files, resumable after outages. */
package io.omnihub.ingest.pull;
