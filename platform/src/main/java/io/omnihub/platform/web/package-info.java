/** HTTP conventions: correlation ids and problem+json errors. */
package io.omnihub.platform.web;
