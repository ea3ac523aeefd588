package dev.switchboard.adapter.twilio;

import com.twilio.http.HttpClient;
import com.twilio.http.NetworkHttpClient;
import com.twilio.http.Request;
import com.twilio.http.Response;
import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * The SDK's own HTTP client, sending to a configured base URL instead of Twilio's hosts: the SDK has no such
 * setting. Each request is copied with its URL's scheme and host (and port) replaced by the base URL's, and
 * its path appended to the base URL's path; parameters, headers, body and authentication go as they were.
 */
final class BaseUrlHttpClient extends HttpClient {
    private static final URI TWILIO = URI.create("https://api.twilio.com");

    private final URI base;
    private final HttpClient delegate;

    BaseUrlHttpClient(URI base, HttpClient delegate) {
        this.base = base;
        this.delegate = delegate;
    }

    /** The SDK's network client, pointed at {@code base} unless that is Twilio's own address. */
    static HttpClient forBase(URI base) {
        NetworkHttpClient network = new NetworkHttpClient();
        return TWILIO.equals(base) ? network : new BaseUrlHttpClient(base, network);
    }

    @Override
    public Response makeRequest(Request request) {
        return delegate.makeRequest(rebased(request));
    }

    Request rebased(Request request) {
        URI original = URI.create(request.getUrl());
        String basePath = base.getRawPath() == null ? "" : base.getRawPath().replaceAll("/+$", "");
        String url = base.getScheme() + "://" + base.getRawAuthority() + basePath + original.getRawPath();
        Request copy = new Request(request.getMethod(), url);
        copyEach(request.getQueryParams(), copy::addQueryParam);
        copyEach(request.getPostParams(), copy::addPostParam);
        copyEach(request.getHeaderParams(), copy::addHeaderParam);
        if (request.getAuthStrategy() != null) {
            copy.setAuth(request.getAuthStrategy());
        } else if (request.getUsername() != null) {
            copy.setAuth(request.getUsername(), request.getPassword());
        }
        copy.setContentType(request.getContentType());
        copy.setBody(request.getBody());
        copy.setFormParameters(request.getFormParameters());
        copy.setUserAgentExtensions(request.getUserAgentExtensions());
        return copy;
    }

    private interface Adder {
        void add(String name, String value);
    }

    private static void copyEach(Map<String, List<String>> from, Adder to) {
        from.forEach((name, values) -> values.forEach(value -> to.add(name, value)));
    }
}
