package io.omnihub.contracts.inventory;

/** Why a reservation was refused: of {@code requested} units only {@code available} could be promised. */
public record Shortage(String ean, long requested, long available) {
}
