/** Events of the catalog: categories and products as read from the ERP. */
package io.omnihub.contracts.catalog;
