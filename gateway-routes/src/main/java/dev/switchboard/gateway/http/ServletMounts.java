package dev.switchboard.gateway.http;

import jakarta.servlet.http.HttpServlet;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where paths of the gateway's HTTP port are handed out: the gateway's own pages and every
 * adapter's servlets. Two owners asking for one path stop the start-up with both names.
 */
public final class ServletMounts {
    private static final Logger LOG = LoggerFactory.getLogger(ServletMounts.class);

    private final ServletContextHandler context;
    private final Map<String, String> owners = new TreeMap<>();

    public ServletMounts(ServletContextHandler context) {
        this.context = context;
    }

    public synchronized void mount(String owner, String pathSpec, HttpServlet servlet) {
        if (pathSpec == null || !(pathSpec.startsWith("/") || pathSpec.startsWith("*."))) {
            throw new IllegalArgumentException(owner + " asked for path '" + pathSpec + "'; a path starts with '/'");
        }
        String earlier = owners.putIfAbsent(pathSpec, owner);
        if (earlier != null) {
            throw new IllegalStateException(owner + " asked for path " + pathSpec + ", which " + earlier + " serves already");
        }
        ServletHolder holder = new ServletHolder(owner + " " + pathSpec, servlet);
        // A servlet that keeps a response open (server-sent events) frees its thread with startAsync.
        holder.setAsyncSupported(true);
        context.addServlet(holder, pathSpec);
        LOG.info("HTTP {} -> {}", pathSpec, owner);
    }

    /** Every mounted path with its owner, sorted by path. */
    public synchronized Map<String, String> paths() {
        return Map.copyOf(owners);
    }
}
