package io.omnihub.platform.security;

import io.omnihub.contracts.identity.Identity;
import io.omnihub.contracts.identity.IdentityToken;
import io.omnihub.contracts.identity.IdentityToken.InvalidIdentityException;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/** Verifies the gateway's identity token on every API request; answers 401 problem+json when it is not valid. */
class IdentityFilter extends OncePerRequestFilter {

    static final String ATTRIBUTE = Identity.class.getName();
    private static final Logger log = LoggerFactory.getLogger(IdentityFilter.class);

    private final IdentityToken tokens;
    private final Clock clock;

    IdentityFilter(IdentityToken tokens, Clock clock) {
        this.tokens = tokens;
        this.clock = clock;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Identity identity;
        try {
            identity = tokens.verify(request.getHeader(IdentityToken.HEADER), clock.instant());
        } catch (InvalidIdentityException e) {
            log.warn("refused {} {}: {}", request.getMethod(), request.getRequestURI(), e.getMessage());
            refuse(request, response, e.getMessage());
            return;
        }
        request.setAttribute(ATTRIBUTE, identity);
        MDC.put("client", identity.client());
        try {
            chain.doFilter(request, response);
        } finally {
            MDC.remove("client");
        }
    }

    private static void refuse(HttpServletRequest request, HttpServletResponse response, String reason)
            throws IOException {
        response.setStatus(HttpStatus.UNAUTHORIZED.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        // the reason is one of IdentityToken's fixed messages: nothing of the caller's input is echoed
        response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Unauthorized\",\"status\":401,"
                + "\"detail\":\"" + reason + "\",\"instance\":\"" + jsonSafe(request.getRequestURI()) + "\"}");
    }

    private static String jsonSafe(String text) {
        return text.replaceAll("[^A-Za-z0-9/_.:%-]", "");
    }
}
