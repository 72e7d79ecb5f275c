package io.omnihub.order.intake;

import io.omnihub.contracts.orders.Journey;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;

/** The body of {@code POST /orders}, field names as in the design's example. */
record CreateOrderRequest(@NotBlank @Size(max = 64) String siteId, @NotBlank @Size(max = 64) String channelOrderId,
        @NotNull Journey journey, @NotNull @Valid Customer customer, @Valid Address shippingAddress,
        @Size(max = 32) String pickupStoreId, @NotEmpty @Size(max = 200) List<@NotNull @Valid Line> lines) {

    record Customer(@NotBlank @Size(max = 200) String name, @Size(max = 32) String document,
            @Email @Size(max = 200) String email) {
    }

    record Address(@Size(max = 200) String street, @Size(max = 100) String city, @Size(max = 50) String state,
            @Size(max = 20) String postalCode, @DecimalMin("-90") @DecimalMax("90") Double latitude,
            @DecimalMin("-180") @DecimalMax("180") Double longitude) {
    }

    /** A line names an EAN or a product reference (or both, which must agree). */
    record Line(@Pattern(regexp = "\\d{8,14}", message = "must be 8 to 14 digits") String ean,
            @Size(max = 64) String reference, @NotNull @Min(1) @Max(10_000) Long quantity,
            @DecimalMin("0.00") @Digits(integer = 12, fraction = 2) BigDecimal unitPrice) {
    }
}
