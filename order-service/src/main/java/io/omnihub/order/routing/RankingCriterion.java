package io.omnihub.order.routing;

/** What makes one eligible store better than another, in the order a profile lists them. */
public enum RankingCriterion {
    /** Nearer the customer first (haversine); stores or customers without coordinates last. */
    DISTANCE,
    /** Lower priority number first (1 is the first choice). */
    PRIORITY,
    /** A store already serving the order first, then the one that takes the most lines. */
    FEWEST_SPLITS,
    /** The most units left on the shelf after this order first. */
    STOCK_DEPTH
}
