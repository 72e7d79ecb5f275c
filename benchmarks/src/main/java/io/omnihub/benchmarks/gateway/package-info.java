/** The gateway's overhead: the same read direct to a service and through the gateway, side by side in one run. */
package io.omnihub.benchmarks.gateway;
