package io.omnihub.order.routing;

import io.omnihub.contracts.identity.Identity;
import io.omnihub.contracts.identity.Role;
import io.omnihub.contracts.orders.Journey;
import io.omnihub.order.catalog.Catalog;
import io.omnihub.order.catalog.CatalogProduct;
import io.omnihub.order.model.InvalidRequestException;
import io.omnihub.platform.security.StoreScope;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Routing profiles per site, and the dry-run: what routing would do with an order, and why, reserving nothing. */
@RestController
@RequestMapping("/api/v1/routing-profiles")
class RoutingProfileController {

    private final RoutingProfiles profiles;
    private final Router router;
    private final Catalog catalog;

    RoutingProfileController(RoutingProfiles profiles, Router router, Catalog catalog) {
        this.profiles = profiles;
        this.router = router;
        this.catalog = catalog;
    }

    @PutMapping("/{siteId}")
    ProfileBody put(Identity identity, @PathVariable String siteId, @Valid @RequestBody ProfileBody body) {
        StoreScope.requireRole(identity, Role.OPERATOR);
        Duration deadline;
        try {
            deadline = Duration.parse(body.acceptanceDeadline());
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException("acceptanceDeadline", "an ISO-8601 duration, e.g. PT2H or PT30M");
        }
        try {
            return ProfileBody.of(siteId, profiles.save(siteId, new RoutingProfile(body.filters(), body.ranking(),
                    body.splitAllowed(), body.maxSplits(), deadline, body.maxDistanceKm())));
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("profile", e.getMessage());
        }
    }

    /** The site's profile; the default one (said so) when none was written. */
    @GetMapping("/{siteId}")
    ProfileBody get(Identity identity, @PathVariable String siteId) {
        return profiles.find(siteId).map(profile -> ProfileBody.of(siteId, profile))
                .orElseGet(() -> ProfileBody.of(siteId, RoutingProfile.DEFAULT).asDefault());
    }

    @PostMapping("/{siteId}/dry-run")
    Map<String, Object> dryRun(Identity identity, @PathVariable String siteId, @Valid @RequestBody DryRunBody body) {
        RoutingProfile profile = profiles.of(siteId);
        List<Demand> lines = new ArrayList<>();
        List<InvalidRequestException.FieldError> errors = new ArrayList<>();
        for (int i = 0; i < body.lines().size(); i++) {
            DryRunBody.Line line = body.lines().get(i);
            String ean = line.ean();
            if (ean == null && line.reference() != null) {
                ean = catalog.byReference(line.reference()).map(CatalogProduct::ean).orElse(null);
            }
            if (ean == null) {
                errors.add(new InvalidRequestException.FieldError("lines[" + i + "]",
                        "an ean, or a reference the catalog knows"));
            } else {
                lines.add(new Demand(ean, line.quantity()));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        Double latitude = body.shippingAddress() == null ? null : body.shippingAddress().latitude();
        Double longitude = body.shippingAddress() == null ? null : body.shippingAddress().longitude();
        RoutingPlan plan = router.plan(new RoutingRequest(body.journey(), latitude, longitude, body.pickupStoreId(),
                lines, Set.of(), Set.of(), Map.of()), profile);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("siteId", siteId);
        answer.put("profile", Router.describe(siteId, profile));
        answer.put("reserved", false);
        answer.put("assignments", plan.assignments());
        answer.put("unplaced", plan.unplaced());
        answer.put("reasons", plan.reasons());
        answer.put("candidates", plan.evaluations());
        return answer;
    }

    /** A profile over the API; {@code acceptanceDeadline} is ISO-8601 ({@code PT2H}). */
    record ProfileBody(String siteId, Set<RoutingFilter> filters, @NotNull List<RankingCriterion> ranking,
            @NotNull Boolean splitAllowed, @NotNull @Min(1) Integer maxSplits, @NotNull String acceptanceDeadline,
            Double maxDistanceKm, Boolean isDefault) {

        static ProfileBody of(String siteId, RoutingProfile profile) {
            return new ProfileBody(siteId, profile.filters(), profile.ranking(), profile.splitAllowed(),
                    profile.maxSplits(), profile.acceptanceDeadline().toString(), profile.maxDistanceKm(), false);
        }

        ProfileBody asDefault() {
            return new ProfileBody(siteId, filters, ranking, splitAllowed, maxSplits, acceptanceDeadline,
                    maxDistanceKm, true);
        }
    }

    /** An order's body as POST /orders takes it; only what routing reads matters. */
    record DryRunBody(@NotNull Journey journey, Address shippingAddress, String pickupStoreId,
            @NotEmpty List<@Valid Line> lines) {

        record Address(Double latitude, Double longitude) {
        }

        record Line(String ean, String reference, @NotNull @Min(1) Long quantity) {
        }
    }
}
