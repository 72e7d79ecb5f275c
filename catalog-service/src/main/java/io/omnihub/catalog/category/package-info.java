/** The category tree: nodes from ERP paths, moved by operators, queried as a tree and by ancestry. */
package io.omnihub.catalog.category;
