/** The category tree: nodes from ERP paths, queried as a tree. */
package io.omnihub.catalog.category;
