package dev.switchboard.adapter.web;

import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * CORS in front of a servlet of the customer API, for exactly the {@link AllowedOrigins} in force at each request
 * ({@link WidgetSettingsInForce}): a request from a page of an
 * allowed site gets {@code Access-Control-Allow-Origin} with its origin (and its preflight {@code OPTIONS} a 204 with
 * the methods and headers the API takes); a request whose {@code Origin} is another site is refused with
 * {@code 403 origin-not-allowed} and no CORS header, so the page learns nothing and its script reads nothing. No
 * cookie is ever involved: the customer token travels in {@code Authorization}. A stream a page of another site opened
 * (availability, pushes) is handed to {@link WidgetSettingsInForce}, which ends it when its site is removed.
 */
final class CrossOriginServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(CrossOriginServlet.class);
    static final String ALLOWED_HEADERS = "Authorization, Content-Type, Idempotency-Key, Last-Event-ID, " + SignedCustomerIds.HEADER;
    static final String MAX_AGE_SECONDS = "600";

    private final transient WidgetSettingsInForce inForce;
    private final HttpServlet inner;

    CrossOriginServlet(WidgetSettingsInForce inForce, HttpServlet inner) {
        this.inForce = inForce;
        this.inner = inner;
    }

    @Override
    public void init() throws ServletException {
        inner.init(getServletConfig());
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException,
            ServletException {
        String origin = request.getHeader("Origin");
        if (!inForce.origins().allows(origin, request.getScheme(), request.getHeader("Host"))) {
            LOG.warn("{} {} refused: 403 {}: origin {} is neither in {} nor among the sites the managers saved",
                    request.getMethod(), request.getRequestURI(), JsonErrors.ORIGIN_NOT_ALLOWED, origin,
                    AllowedOrigins.KEY);
            byte[] body = JsonErrors.body(JsonErrors.ORIGIN_NOT_ALLOWED,
                    "pages of " + origin + " may not use this help desk; its manager lists the sites allowed");
            response.setStatus(403);
            response.setHeader("Content-Type", CustomerApiServlet.CONTENT_TYPE);
            response.setHeader("Cache-Control", "no-store");
            response.setHeader("Vary", "Origin");
            response.setContentLength(body.length);
            response.getOutputStream().write(body);
            return;
        }
        if (origin != null) {
            response.setHeader("Access-Control-Allow-Origin", origin.strip());
            response.setHeader("Vary", "Origin");
        }
        if ("OPTIONS".equals(request.getMethod()) && request.getHeader("Access-Control-Request-Method") != null) {
            response.setHeader("Access-Control-Allow-Methods", "GET, POST");
            response.setHeader("Access-Control-Allow-Headers", ALLOWED_HEADERS);
            response.setHeader("Access-Control-Max-Age", MAX_AGE_SECONDS);
            response.setStatus(204);
            return;
        }
        inner.service((ServletRequest) request, (ServletResponse) response);
        if (origin != null && request.isAsyncStarted()) {
            inForce.streamOpened(request.getAsyncContext(), origin, request.getScheme(), request.getHeader("Host"));
        }
    }
}
