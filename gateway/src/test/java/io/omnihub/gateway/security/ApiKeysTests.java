package io.omnihub.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omnihub.contracts.identity.Identity;
import io.omnihub.contracts.identity.Role;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ApiKeysTests {

    private static final String ERP_KEYS = """
            keys:
              - client: erp-acme
                sha256: %s
                roles: [ERP, STORE]
                stores: [LJ001, LJ002]
              - client: site
                sha256: %s
                roles: channel
                stores: "*"
            """.formatted(ApiKeyHash.of("k-erp"), ApiKeyHash.of("k-site").toUpperCase());

    @Test
    void findsTheIdentityOfAKeyByItsHash() {
        ApiKeys keys = ApiKeys.parse(ERP_KEYS);

        assertThat(keys.identityOf("k-erp")).hasValue(
                new Identity("erp-acme", Set.of(Role.ERP, Role.STORE), Set.of("LJ001", "LJ002")));
        assertThat(keys.identityOf("k-site")).hasValue(
                new Identity("site", Set.of(Role.CHANNEL), Set.of(Identity.ALL_STORES)));
    }

    @Test
    void findsNothingForAnUnknownMissingOrOverlongKey() {
        ApiKeys keys = ApiKeys.parse(ERP_KEYS);

        assertThat(keys.identityOf("k-erp ")).isEmpty();
        assertThat(keys.identityOf(ApiKeyHash.of("k-erp"))).as("the hash is not the key").isEmpty();
        assertThat(keys.identityOf(null)).isEmpty();
        assertThat(keys.identityOf("")).isEmpty();
        assertThat(keys.identityOf("x".repeat(300))).isEmpty();
    }

    @Test
    void hashesWithSha256InLowerCaseHex() {
        // echo -n dev-operator | sha256sum
        assertThat(ApiKeyHash.of("dev-operator"))
                .isEqualTo("c15de198d781469a78760f52482bac96c651dec77512c11657dcb336fa480ca0");
    }

    @Test
    void refusesAFileThatIsNotAListOfKeys() {
        assertThatThrownBy(() -> ApiKeys.parse("- a\n- b")).hasMessageContaining("list 'keys'");
        assertThatThrownBy(() -> ApiKeys.parse("keys: [1, 2]")).hasMessageContaining("keys[0]");
        assertThatThrownBy(() -> ApiKeys.parse("keys: [")).hasMessageContaining("not valid YAML");
    }

    @Test
    void takesAnEmptyFileAsNoKeys() {
        assertThat(ApiKeys.parse("").size()).isZero();
        assertThat(ApiKeys.parse("keys: []").size()).isZero();
    }

    @Test
    void refusesAnEntryWithAClearKeyInsteadOfAHash() {
        assertThatThrownBy(() -> ApiKeys.parse(entry("erp", "dev-erp", "[ERP]", "['*']")))
                .hasMessage("keys[0] (erp): sha256 must be the 64 hex digits of the key's SHA-256")
                .hasMessageNotContaining("dev-erp");
    }

    @Test
    void namesTheEntryAndTheFieldThatIsWrong() {
        String hash = ApiKeyHash.of("k");
        assertThatThrownBy(() -> ApiKeys.parse(entry("erp", hash, "[ADMIN]", "['*']")))
                .hasMessageContaining("keys[0] (erp): unknown role ADMIN");
        assertThatThrownBy(() -> ApiKeys.parse(entry("erp", hash, "[]", "['*']")))
                .hasMessageContaining("keys[0] (erp): roles is empty");
        assertThatThrownBy(() -> ApiKeys.parse(entry("erp", hash, "[ERP]", "[]")))
                .hasMessageContaining("keys[0] (erp): stores must list");
        assertThatThrownBy(() -> ApiKeys.parse(entry("a b", hash, "[ERP]", "['*']")))
                .hasMessageContaining("keys[0]: client must be");
    }

    @Test
    void refusesTheSameClientOrTheSameKeyTwice() {
        String twiceTheKey = entry("a", ApiKeyHash.of("k"), "[ERP]", "['*']")
                + entry("b", ApiKeyHash.of("k"), "[ERP]", "['*']").replace("keys:\n", "");
        String twiceTheClient = entry("a", ApiKeyHash.of("k1"), "[ERP]", "['*']")
                + entry("a", ApiKeyHash.of("k2"), "[ERP]", "['*']").replace("keys:\n", "");

        assertThatThrownBy(() -> ApiKeys.parse(twiceTheKey)).hasMessageContaining("same key hash");
        assertThatThrownBy(() -> ApiKeys.parse(twiceTheClient)).hasMessageContaining("listed twice");
    }

    private static String entry(String client, String hash, String roles, String stores) {
        return "keys:\n  - client: %s\n    sha256: %s\n    roles: %s\n    stores: %s\n".formatted(client, hash, roles,
                stores);
    }
}
