/** Products as the ERP last described them: newest-wins upserts; queries by category, brand, state and text. */
package io.omnihub.catalog.product;
