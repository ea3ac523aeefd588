package dev.switchboard.gateway.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.function.Supplier;

/** {@code GET /health}: the {@link HealthReport} as JSON; 200 when UP, 503 when anything is DOWN. */
public final class HealthServlet extends HttpServlet {
    private final Supplier<HealthReport> report;
    private final ObjectMapper json;

    public HealthServlet(Supplier<HealthReport> report, ObjectMapper json) {
        this.report = report;
        this.json = json;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        HealthReport current = report.get();
        response.setStatus(current.up() ? HttpServletResponse.SC_OK : HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setContentType("application/json; charset=utf-8");
        response.setHeader("Cache-Control", "no-store");
        json.writeValue(response.getOutputStream(), current.asJson());
    }
}
