/** Product photos: kept apart from products (one may come first), newest wins per sequence, served from S3. */
package io.omnihub.catalog.photo;
