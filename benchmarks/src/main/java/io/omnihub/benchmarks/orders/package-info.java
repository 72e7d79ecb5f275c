/**
 * Order routing speed: the routing decision alone (JMH, against a nearest-store scan over the same projection) and
 * orders end to end through the gateway at steady rates, plus a sustained mixed load with every accepted request
 * accounted for.
 */
package io.omnihub.benchmarks.orders;
