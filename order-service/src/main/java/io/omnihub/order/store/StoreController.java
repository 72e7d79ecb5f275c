package io.omnihub.order.store;

import io.omnihub.contracts.identity.Identity;
import io.omnihub.contracts.identity.Role;
import io.omnihub.order.model.InvalidRequestException;
import io.omnihub.platform.security.StoreScope;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** Stores: operators write them (one by one, or the whole fixture file at once); anyone may read them. */
@RestController
@RequestMapping("/api/v1/stores")
@Validated
class StoreController {

    static final Pattern STORE_ID = Pattern.compile("[A-Za-z0-9._-]{1,32}");

    private final Stores stores;
    private final Clock clock;

    StoreController(Stores stores, Clock clock) {
        this.stores = stores;
        this.clock = clock;
    }

    @PutMapping("/{storeId}")
    StoreResponse put(Identity identity, @PathVariable String storeId, @Valid @RequestBody StoreRequest request) {
        StoreScope.requireRole(identity, Role.OPERATOR);
        checkId("storeId", storeId);
        if (request.storeId() != null && !request.storeId().equals(storeId)) {
            throw new InvalidRequestException("storeId", "differs from the path's " + storeId);
        }
        return StoreResponse.of(stores.save(toStore(storeId, request)));
    }

    /** The fixture's shape, {@code {"stores": [...]}}: every store written, each by its {@code storeId}. */
    @PutMapping
    Map<String, Object> putAll(Identity identity, @Valid @RequestBody StoresRequest request) {
        StoreScope.requireRole(identity, Role.OPERATOR);
        List<InvalidRequestException.FieldError> errors = new ArrayList<>();
        for (int i = 0; i < request.stores().size(); i++) {
            String storeId = request.stores().get(i).storeId();
            if (storeId == null || !STORE_ID.matcher(storeId).matches()) {
                errors.add(new InvalidRequestException.FieldError("stores[" + i + "].storeId",
                        "required: 1-32 of A-Z a-z 0-9 . _ -"));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        request.stores().forEach(store -> stores.save(toStore(store.storeId(), store)));
        return Map.of("stores", request.stores().size());
    }

    @GetMapping
    Map<String, Object> list(Identity identity, @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int size) {
        long total = stores.count();
        return Map.of("items", stores.page(page, size).stream().map(StoreResponse::of).toList(), "page", page,
                "size", size, "totalItems", total, "totalPages", (total + size - 1) / size);
    }

    @GetMapping("/{storeId}")
    StoreResponse get(Identity identity, @PathVariable String storeId) {
        return stores.find(storeId).map(StoreResponse::of).orElseThrow(
                () -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No store " + storeId));
    }

    private Store toStore(String storeId, StoreRequest request) {
        return request.toStore(storeId, clock.instant());
    }

    private static void checkId(String field, String storeId) {
        if (!STORE_ID.matcher(storeId).matches()) {
            throw new InvalidRequestException(field, "1-32 of A-Z a-z 0-9 . _ -");
        }
    }

    record StoresRequest(@NotEmpty List<@Valid StoreRequest> stores) {
    }
}
