/** Test infrastructure shared by the services' integration tests: MongoDB-wire and S3 servers on free ports, fixtures. */
package io.omnihub.testsupport;
