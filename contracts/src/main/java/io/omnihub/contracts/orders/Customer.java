package io.omnihub.contracts.orders;

/** The buyer as the channel sent it; {@code document} is the tax id (e.g. CPF). */
public record Customer(String name, String document, String email) {
}
