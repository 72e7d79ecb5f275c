package io.omnihub.contracts.identity;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The short-lived token in which the gateway hands a verified {@link Identity} to a service: the identity as
 * JSON with an expiry, base64url, a dot, and its HMAC-SHA256 under a secret only the gateway and the services
 * hold. A service refuses a request whose token is missing, forged, altered or expired, so a call that
 * bypasses the gateway gets nowhere.
 */
public final class IdentityToken {

    /** The request header that carries the token from the gateway to a service. */
    public static final String HEADER = "X-Omnihub-Identity";

    private static final String ALGORITHM = "HmacSHA256";
    private static final int MINIMUM_SECRET_LENGTH = 32;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final SecretKeySpec key;

    public IdentityToken(String secret) {
        if (secret == null || secret.length() < MINIMUM_SECRET_LENGTH) {
            throw new IllegalArgumentException("the identity secret must have at least " + MINIMUM_SECRET_LENGTH
                    + " characters (set OMNIHUB_IDENTITY_SECRET, the same for the gateway and every service)");
        }
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
    }

    public String sign(Identity identity, Instant expiresAt) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("sub", identity.client());
        claims.put("roles", identity.roles().stream().map(Role::name).sorted().toList());
        claims.put("stores", identity.stores().stream().sorted().toList());
        claims.put("exp", expiresAt.getEpochSecond());
        String payload = ENCODER.encodeToString(JSON.writeValueAsBytes(claims));
        return payload + "." + ENCODER.encodeToString(mac(payload));
    }

    /** The identity in {@code token}, if it was signed with this secret and has not expired at {@code now}. */
    public Identity verify(String token, Instant now) {
        if (token == null || token.isBlank()) {
            throw new InvalidIdentityException("no identity: call omnihub through the gateway with an X-Api-Key");
        }
        int dot = token.indexOf('.');
        if (dot < 1 || dot != token.lastIndexOf('.')) {
            throw new InvalidIdentityException("malformed identity token");
        }
        String payload = token.substring(0, dot);
        byte[] signature;
        try {
            signature = DECODER.decode(token.substring(dot + 1));
        } catch (IllegalArgumentException e) {
            throw new InvalidIdentityException("malformed identity token");
        }
        if (!MessageDigest.isEqual(mac(payload), signature)) {
            throw new InvalidIdentityException("identity token not signed by the gateway");
        }
        JsonNode claims;
        try {
            claims = JSON.readTree(DECODER.decode(payload));
        } catch (IllegalArgumentException | JacksonException e) {
            throw new InvalidIdentityException("malformed identity token");
        }
        if (!claims.path("exp").canConvertToLong() || now.getEpochSecond() >= claims.path("exp").asLong()) {
            throw new InvalidIdentityException("identity token expired");
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        try {
            claims.path("roles").forEach(role -> roles.add(Role.valueOf(role.asString())));
        } catch (IllegalArgumentException e) {
            throw new InvalidIdentityException("unknown role in identity token");
        }
        List<String> stores = claims.path("stores").valueStream().map(JsonNode::asString).toList();
        return new Identity(claims.path("sub").asString(), roles, Set.copyOf(stores));
    }

    private byte[] mac(String payload) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(payload.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(ALGORITHM + " is part of every JDK", e);
        }
    }

    /** The token is missing, forged, altered or expired. */
    public static final class InvalidIdentityException extends RuntimeException {

        public InvalidIdentityException(String message) {
            super(message);
        }
    }
}
