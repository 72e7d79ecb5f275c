package io.omnihub.coupon.coupons;

import io.omnihub.contracts.identity.Identity;
import io.omnihub.contracts.identity.Role;
import io.omnihub.platform.security.StoreScope;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/coupons}: issue, list, read, redeem, cancel, extend. Every call checks the caller's store scope
 * on the coupon's stores (see {@link CouponPolicy#storeToSee} and {@link RedeemScope}).
 */
@RestController
@RequestMapping("/api/v1/coupons")
class CouponController {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    static final int MAX_PAGE_SIZE = 200;
    /** Coupons are store credit: stores, their ERPs and operators handle them; channels read the topic. */
    private static final Role[] ROLES = {Role.STORE, Role.ERP, Role.OPERATOR};

    private final CouponService coupons;
    private final CouponPolicy policy;

    CouponController(CouponService coupons, CouponPolicy policy) {
        this.coupons = coupons;
        this.policy = policy;
    }

    @PostMapping
    ResponseEntity<CouponResponse> issue(@RequestBody IssueCouponRequest request,
            @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey, Identity identity) {
        StoreScope.requireRole(identity, ROLES);
        if (request.issuingStoreId() != null) {
            StoreScope.requireStore(identity, request.issuingStoreId());
        }
        checkIdempotencyKey(idempotencyKey);
        String key = idempotencyKey == null ? null : identity.client() + ":" + idempotencyKey;
        CouponService.Issued issued = coupons.issue(request.toIssue(), key, identity.client());
        var answer = ResponseEntity.status(HttpStatus.CREATED)
                .location(URI.create("/api/v1/coupons/" + issued.coupon().code()));
        if (!issued.created()) {
            answer.header("Idempotent-Replayed", "true");
        }
        return answer.body(view(issued.coupon()));
    }

    @GetMapping
    CouponPage list(@RequestParam(required = false) String customer, @RequestParam(required = false) String status,
            @RequestParam(required = false) String store, @RequestParam(defaultValue = "0") String page,
            @RequestParam(defaultValue = "50") String size, Identity identity) {
        StoreScope.requireRole(identity, ROLES);
        List<FieldError> errors = new ArrayList<>();
        String customerDocument = null;
        if (customer != null) {
            customerDocument = Cpf.normalize(customer).orElse(null);
            if (customerDocument == null) {
                errors.add(new FieldError("customer", "must be a valid CPF"));
            }
        }
        CouponStatus wanted = status == null ? null : parse(CouponStatus.class, status, "status", errors);
        if (store != null && !CouponPolicy.STORE_ID.matcher(store).matches()) {
            errors.add(new FieldError("store", "must be 1-32 letters, digits, . _ -"));
        }
        int pageNumber = number(page, "page", 0, Integer.MAX_VALUE / MAX_PAGE_SIZE, errors);
        int pageSize = number(size, "size", 1, MAX_PAGE_SIZE, errors);
        if (!errors.isEmpty()) {
            throw new InvalidCouponRequest(errors);
        }
        Optional<Set<String>> visible = policy.visibleIssuingStores(identity.allStores(), identity.stores(),
                customerDocument != null);
        if (store != null && visible.isPresent()) {
            StoreScope.requireStore(identity, store);
        }
        return coupons.list(new CouponService.CouponQuery(customerDocument, wanted, store, visible, pageNumber,
                pageSize));
    }

    @GetMapping("/{code}")
    CouponResponse get(@PathVariable String code, Identity identity) {
        StoreScope.requireRole(identity, ROLES);
        Coupon coupon = coupons.find(normalized(code));
        policy.storeToSee(coupon).ifPresent(store -> StoreScope.requireStore(identity, store));
        return view(coupon);
    }

    @PatchMapping("/{code}")
    CouponResponse change(@PathVariable String code, @RequestBody ChangeCouponRequest request,
            @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey, Identity identity) {
        StoreScope.requireRole(identity, ROLES);
        checkIdempotencyKey(idempotencyKey);
        List<FieldError> errors = new ArrayList<>();
        ChangeCouponRequest.Action action = request.action() == null ? null
                : parse(ChangeCouponRequest.Action.class, request.action(), "action", errors);
        if (request.action() == null) {
            errors.add(new FieldError("action", "is required: one of "
                    + Arrays.toString(ChangeCouponRequest.Action.values())));
        }
        if (!errors.isEmpty()) {
            throw new InvalidCouponRequest(errors);
        }
        Coupon coupon = coupons.find(normalized(code));
        policy.storeToSee(coupon).ifPresent(store -> StoreScope.requireStore(identity, store));
        Coupon changed = switch (action) {
            case REDEEM -> {
                CouponPolicy.requireRedeemingStore(request.storeId());
                StoreScope.requireStore(identity, request.storeId());
                String redemptionId = request.redemptionId() != null ? request.redemptionId()
                        : idempotencyKey != null ? idempotencyKey : "red-" + UUID.randomUUID();
                yield coupons.redeem(coupon.code(), request.amount(), request.storeId(), redemptionId,
                        identity.client());
            }
            case CANCEL -> {
                StoreScope.requireStore(identity, policy.storeToManage(coupon));
                yield coupons.cancel(coupon.code(), request.reason(), identity.client());
            }
            case EXTEND -> {
                StoreScope.requireStore(identity, policy.storeToManage(coupon));
                yield coupons.extend(coupon.code(), request.expiresAt(), identity.client());
            }
        };
        return view(changed);
    }

    private CouponResponse view(Coupon coupon) {
        return CouponResponse.of(coupon, coupons.statusOf(coupon));
    }

    private static String normalized(String code) {
        return CouponCode.normalize(code).orElseThrow(() -> new InvalidCouponRequest("code", "must be "
                + CouponCode.SYMBOLS + " characters of " + CouponCode.ALPHABET + ", e.g. K7QM-4XPD-92HT"));
    }

    private static void checkIdempotencyKey(String key) {
        if (key != null && (key.isBlank() || key.length() > CouponPolicy.MAX_TEXT)) {
            throw new InvalidCouponRequest(IDEMPOTENCY_KEY, "must have 1-" + CouponPolicy.MAX_TEXT + " characters");
        }
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value, String field, List<FieldError> errors) {
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError(field, "must be one of " + Arrays.toString(type.getEnumConstants())));
            return null;
        }
    }

    private static int number(String value, String field, int min, int max, List<FieldError> errors) {
        try {
            int number = Integer.parseInt(value);
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        errors.add(new FieldError(field, "must be a whole number from " + min + " to " + max));
        return min;
    }
}
