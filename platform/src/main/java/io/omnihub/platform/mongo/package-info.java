/** MongoDB conventions shared by the services. */
package io.omnihub.platform.mongo;
