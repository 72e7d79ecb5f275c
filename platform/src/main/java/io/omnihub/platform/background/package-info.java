/** Background work of a service: one thread, a pass every interval and on demand (outbox relays, sweeps). */
package io.omnihub.platform.background;
