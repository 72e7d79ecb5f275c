package io.omnihub.order.intake;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CustomerDocumentPolicyTests {

    @Test
    void acceptsValidCpfsWithOrWithoutPunctuation() {
        assertThat(CustomerDocumentPolicy.problem("52998224725")).isNull();
        assertThat(CustomerDocumentPolicy.problem("529.982.247-25")).isNull();
        // a first check digit of 0 (remainder below 2)
        assertThat(CustomerDocumentPolicy.problem("11144477735")).isNull();
    }

    @Test
    void refusesACpfWithAWrongCheckDigit() {
        assertThat(CustomerDocumentPolicy.problem("52998224726")).contains("not a valid CPF");
        assertThat(CustomerDocumentPolicy.problem("52998224715")).contains("not a valid CPF");
    }

    @Test
    void acceptsValidCnpjs() {
        assertThat(CustomerDocumentPolicy.problem("11.222.333/0001-81")).isNull();
        assertThat(CustomerDocumentPolicy.problem("11222333000181")).isNull();
    }

    @Test
    void refusesACnpjWithAWrongCheckDigit() {
        assertThat(CustomerDocumentPolicy.problem("11222333000182")).contains("not a valid CNPJ");
        assertThat(CustomerDocumentPolicy.problem("11222333000191")).contains("not a valid CNPJ");
    }

    @Test
    void refusesRepeatedDigitsOtherLengthsAndLetters() {
        assertThat(CustomerDocumentPolicy.problem("11111111111")).contains("not a valid CPF");
        assertThat(CustomerDocumentPolicy.problem("00000000000000")).contains("not a valid CNPJ");
        assertThat(CustomerDocumentPolicy.problem("1234567890")).contains("not 10 digits");
        assertThat(CustomerDocumentPolicy.problem("ABC.DEF.GHI-JK")).contains("CPF (11 digits) or CNPJ");
    }

    @Test
    void everySingleDigitChangeOfAValidCpfIsCaught() {
        String valid = "52998224725";
        for (int position = 0; position < valid.length(); position++) {
            for (char digit = '0'; digit <= '9'; digit++) {
                if (digit == valid.charAt(position)) {
                    continue;
                }
                String changed = valid.substring(0, position) + digit + valid.substring(position + 1);
                assertThat(CustomerDocumentPolicy.validCpf(changed)).as(changed).isFalse();
            }
        }
    }
}
