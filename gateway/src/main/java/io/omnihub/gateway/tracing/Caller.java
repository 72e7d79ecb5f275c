package io.omnihub.gateway.tracing;

/** Where the security filter leaves the client name of the request's API key, for the access log. */
public final class Caller {

    /** Exchange attribute holding the API key's client name (never the key). */
    public static final String CLIENT_ATTRIBUTE = Caller.class.getName() + ".client";

    private Caller() {
    }
}
