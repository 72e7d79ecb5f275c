/** Faults on a stack of their own: parts killed, stopped and restarted, a failing ERP; nothing lost, nothing doubled. */
package io.omnihub.system.faults;
