/** What services say to each other on Kafka: topic names, event records and their CloudEvents types. */
package io.omnihub.contracts;
