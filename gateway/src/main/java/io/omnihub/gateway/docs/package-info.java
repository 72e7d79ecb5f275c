/** The API documentation at the gateway: the services' OpenAPI behind one Swagger UI, and the AsyncAPI of the topics. */
package io.omnihub.gateway.docs;
