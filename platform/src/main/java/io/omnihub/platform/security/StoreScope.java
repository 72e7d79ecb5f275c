package io.omnihub.platform.security;

import io.omnihub.contracts.identity.Identity;
import io.omnihub.contracts.identity.Role;
import java.util.Arrays;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * The checks a controller makes on the caller, answered with 403 problem+json: the store an entity belongs to
 * (a store key never reaches another store's data, whatever the path), and roles.
 */
public final class StoreScope {

    private StoreScope() {
    }

    public static void requireStore(Identity identity, String storeId) {
        if (!identity.covers(storeId)) {
            throw forbidden("The API key of " + identity.client() + " cannot act on store " + storeId);
        }
    }

    public static void requireRole(Identity identity, Role... roles) {
        if (!identity.hasAnyRole(roles)) {
            throw forbidden("The API key of " + identity.client() + " needs one of the roles " + Arrays.toString(roles));
        }
    }

    private static ErrorResponseException forbidden(String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, detail);
        problem.setTitle("Forbidden");
        return new ErrorResponseException(HttpStatus.FORBIDDEN, problem, null);
    }
}
