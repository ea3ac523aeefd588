package dev.switchboard.desk.web;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The desktop's session cookie: HttpOnly (page scripts never see the token), SameSite=Strict (other sites'
 * pages do not send it), and Secure when the gateway is configured to be reached over HTTPS only.
 */
final class SessionCookie {
    static final String NAME = "switchboard_agent";
    private final boolean secure;

    SessionCookie(boolean secure) {
        this.secure = secure;
    }

    String read(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return null;
        }
        for (Cookie cookie : cookies) {
            if (NAME.equals(cookie.getName())) {
                return cookie.getValue();
            }
        }
        return null;
    }

    /** The token from a request that never reaches a servlet (a WebSocket upgrade). */
    String read(org.eclipse.jetty.server.Request request) {
        for (org.eclipse.jetty.http.HttpCookie cookie : org.eclipse.jetty.server.Request.getCookies(request)) {
            if (NAME.equals(cookie.getName())) {
                return cookie.getValue();
            }
        }
        return null;
    }

    void set(HttpServletResponse response, String token) {
        response.addHeader("Set-Cookie", NAME + "=" + token + "; Path=/; HttpOnly; SameSite=Strict" + (secure ? "; Secure" : ""));
    }

    void clear(HttpServletResponse response) {
        response.addHeader("Set-Cookie", NAME + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict" + (secure ? "; Secure" : ""));
    }
}
