package io.omnihub.gateway;

/** The clear API keys of the gateway tests; src/test/resources/config/application.yml holds their hashes. */
final class TestKeys {

    static final String IDENTITY_SECRET = "test-identity-secret-shared-with-the-stub-services";

    static final String OPERATOR = "test-operator";
    static final String ERP = "test-erp";
    static final String ERP_LJ001 = "test-erp-LJ001";
    static final String CHANNEL = "test-channel";
    static final String STORE_LJ001 = "test-store-LJ001";
    static final String STORE_LJ002 = "test-store-LJ002";

    private TestKeys() {
    }
}
