/** The catalog-service application. */
package io.omnihub.catalog;
