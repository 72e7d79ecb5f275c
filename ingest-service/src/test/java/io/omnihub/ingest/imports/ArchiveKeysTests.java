package io.omnihub.ingest.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ArchiveKeysTests {

    private static final String IMPORT = "imp-0123456789abcdef0123";

    @Test
    void anOrdinaryKeyIsArchivedAsItIsUnderItsImport() {
        assertThat(ArchiveKeys.of(IMPORT, "products/2026/produtos.xlsx")).isEqualTo(IMPORT + "/products/2026/produtos.xlsx");
        assertThat(ArchiveKeys.of(IMPORT, "photos/3266 2.jpg")).isEqualTo(IMPORT + "/photos/3266 2.jpg");
    }

    @Test
    void dotSegmentsCannotClimbOutOfTheImportsFolder() {
        assertThat(ArchiveKeys.of(IMPORT, "products/../../x.xlsx")).isEqualTo(IMPORT + "/products/__/__/x.xlsx");
        assertThat(ArchiveKeys.of(IMPORT, "products/./a//b/..")).isEqualTo(IMPORT + "/products/_/a/b/__");
        assertThat(ArchiveKeys.of(IMPORT, "products/%2e%2e/x")).isEqualTo(IMPORT + "/products/%2e%2e/x");
        assertThat(ArchiveKeys.of(IMPORT, "/")).isEqualTo(IMPORT + "/_");
    }

    @Test
    void controlCharactersAndBackslashesBecomeUnderscores() {
        assertThat(ArchiveKeys.of(IMPORT, "products/a\u0000b\nc\u007f\\..\\d.xlsx"))
                .isEqualTo(IMPORT + "/products/a_b_c__.._d.xlsx");
    }

    @Test
    void aKeyNearS3sLimitIsShortenedKeepingItsStartItsEndAndAHashThatTellsKeysApart() {
        String key = "products/" + "ção".repeat(300) + "-tail.xlsx";
        String other = "products/" + "ção".repeat(300) + "x-tail.xlsx";

        String archived = ArchiveKeys.of(IMPORT, key);

        assertThat(archived.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(ArchiveKeys.MAX_BYTES);
        assertThat(archived).startsWith(IMPORT + "/products/ção").endsWith("ção-tail.xlsx").containsPattern("~[0-9a-f]{16}~");
        assertThat(ArchiveKeys.of(IMPORT, other)).isNotEqualTo(archived);
        assertThat(ArchiveKeys.of(IMPORT, key)).isEqualTo(archived);
    }
}
