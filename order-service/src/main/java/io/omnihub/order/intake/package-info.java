/** Orders in from the channels ({@code POST /orders}, idempotent) and read back ({@code GET /orders/{id}}). */
package io.omnihub.order.intake;
