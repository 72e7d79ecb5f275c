/** Categories from the ERP: one-column Excel files or JSON lists of paths. */
package io.omnihub.ingest.categories;
