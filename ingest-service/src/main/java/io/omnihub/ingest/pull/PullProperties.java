package io.omnihub.ingest.pull;

import io.omnihub.ingest.imports.ImportKind;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * ERP APIs omnihub pulls from ({@code omnihub.pull.*}). Each integration pages through one endpoint on
 * its own schedule; every page becomes an import of {@code kind}.
 */
@ConfigurationProperties("omnihub.pull")
record PullProperties(@DefaultValue List<Integration> integrations) {

    /**
     * @param name          a short id, used in object keys and {@code /api/v1/integrations/{name}}
     * @param kind          what the pages hold: PRODUCTS, STOCK_PARTIAL or STOCK_FULL (all pages of a run together
     *                      are the stores' whole stock)
     * @param url           the endpoint; the page and size go in as query parameters
     * @param authHeader    the header that carries the credential, e.g. {@code Authorization}
     * @param authValue     its value, from the environment (never logged)
     * @param cron          Spring cron, e.g. {@code 0 *}{@code /15 * * * *}; empty: only on demand
     * @param pageSize      items asked per page
     * @param firstPage     the number of the first page (0 or 1, as the ERP counts)
     * @param pageParam     the query parameter of the page number
     * @param sizeParam     the query parameter of the page size
     * @param timeout       the most one page may take, retries excluded
     * @param attempts      tries of one page before the run stops (to resume at that page next time)
     * @param backoff       the first pause between tries; it doubles
     */
    record Integration(String name, ImportKind kind, URI url, String authHeader, String authValue,
            @DefaultValue("") String cron, @DefaultValue("500") int pageSize, @DefaultValue("1") int firstPage,
            @DefaultValue("page") String pageParam, @DefaultValue("size") String sizeParam,
            @DefaultValue("30s") Duration timeout, @DefaultValue("3") int attempts,
            @DefaultValue("1s") Duration backoff) {

        Integration {
            if (kind == ImportKind.CATEGORIES || kind == ImportKind.PHOTOS) {
                throw new IllegalArgumentException("pull integration " + name
                        + ": kind is PRODUCTS, STOCK_PARTIAL or STOCK_FULL");
            }
        }
    }
}
