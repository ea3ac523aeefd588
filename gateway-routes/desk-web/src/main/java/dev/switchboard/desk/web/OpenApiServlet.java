package dev.switchboard.desk.web;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;

/** Serves the agent API's OpenAPI description ({@value #RESOURCE}) at {@value #PATH}. */
final class OpenApiServlet extends HttpServlet {
    static final String PATH = "/api/openapi.json";
    static final String RESOURCE = "openapi/agent-api.json";

    private final byte[] document;

    OpenApiServlet() {
        try (InputStream in = OpenApiServlet.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the class path");
            }
            document = in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + RESOURCE, e);
        }
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("application/json;charset=utf-8");
        response.getOutputStream().write(document);
    }
}
