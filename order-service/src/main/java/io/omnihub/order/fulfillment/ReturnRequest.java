package io.omnihub.order.fulfillment;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;

/** {@code {"returnId"?, "lines": [{"ean", "quantity"}], "coupon": {"amount", "currency"}?}}. */
record ReturnRequest(@Size(max = 64) @Pattern(regexp = "[A-Za-z0-9._:-]+") String returnId,
        @NotEmpty List<@NotNull @Valid Line> lines, @Valid Coupon coupon) {

    record Line(@NotBlank String ean, @NotNull @Min(1) Long quantity) {
    }

    record Coupon(@NotNull @DecimalMin("0.01") @Digits(integer = 12, fraction = 2) BigDecimal amount,
            @NotNull @Pattern(regexp = "[A-Z]{3}", message = "an ISO 4217 code, e.g. BRL") String currency) {
    }
}
