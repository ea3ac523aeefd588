package dev.switchboard.gateway.config;

import dev.switchboard.spi.AdapterSettings;
import dev.switchboard.state.CacheLimits;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/**
 * The gateway's configuration: defaults from {@code switchboard.properties} on the class path, then the
 * file named by {@code SWITCHBOARD_CONFIG} if set, then environment variables, then explicit overrides;
 * the later wins. A key {@code switchboard.http.port} is overridden by the variable
 * {@code SWITCHBOARD_HTTP_PORT} (upper case, dots and hyphens as underscores).
 */
public final class SwitchboardConfig implements AdapterSettings {
    public static final String DEFAULTS_RESOURCE = "switchboard.properties";
    public static final String CONFIG_FILE_VARIABLE = "SWITCHBOARD_CONFIG";

    public static final String HTTP_HOST = "switchboard.http.host";
    public static final String HTTP_PORT = "switchboard.http.port";
    public static final String HTTP_IDLE_THREAD_SECONDS = "switchboard.http.idle-thread-seconds";
    public static final String DATA_DIR = "switchboard.data.dir";
    public static final String IDEMPOTENCY_KEEP_SECONDS = "switchboard.idempotency.keep-seconds";
    public static final String CACHE_HEAP_MB = "switchboard.cache.heap-mb";
    public static final String CACHE_IDLE_SECONDS = "switchboard.cache.idle-seconds";
    public static final String PREFERRED_AGENT_WINDOW_HOURS = "switchboard.routing.preferred-agent-window-hours";
    public static final String DB_URL = "switchboard.db.url";
    public static final String DB_USER = "switchboard.db.user";
    public static final String DB_PASSWORD = "switchboard.db.password";
    public static final String HAZELCAST_HOST = "switchboard.hazelcast.host";
    public static final String HAZELCAST_PORT = "switchboard.hazelcast.port";
    public static final String CLUSTER_NAME = "switchboard.cluster.name";
    public static final String CLUSTER_MEMBERS = "switchboard.cluster.members";
    public static final String KNOWLEDGE_BASE = "switchboard.knowledge-base";
    public static final String AVERAGE_HANDLING_SECONDS = "switchboard.queue.average-handling-seconds";
    public static final String SERVICE_POINTS = "switchboard.service-points";
    /** The gateway's address as browsers reach it; the live desktop takes pages from there too. */
    public static final String PUBLIC_URL = "switchboard.public-url";

    public static final String FIRST_MANAGER = "switchboard.accounts.first-manager";
    public static final String FIRST_MANAGER_PASSWORD = "switchboard.accounts.first-manager-password";
    public static final String PASSWORD_HASH_COST = "switchboard.accounts.password-hash-cost";
    public static final String SESSION_IDLE_MINUTES = "switchboard.agents.session-idle-minutes";
    public static final String SECURE_COOKIE = "switchboard.agents.secure-cookie";
    public static final String AWAY_GRACE_SECONDS = "switchboard.agents.away-grace-seconds";
    public static final String DESK_TICK_MILLIS = "switchboard.agents.tick-millis";
    public static final String GREETING = "switchboard.agents.greeting";
    /** The sites allowed to embed the chat widget by the server's setting (the web adapter reads it too). */
    public static final String WIDGET_ALLOWED_ORIGINS = "switchboard.widget.allowed-origins";
    public static final String OFFER_TIMEOUT_SECONDS = "switchboard.routing.offer-timeout-seconds";
    public static final String DEFAULT_SKILL = "switchboard.routing.default-skill";
    public static final String ROUTING_TIME_ZONE = "switchboard.routing.time-zone";
    public static final String OFFLINE_NOTICE_SUBJECT = "switchboard.offline.notice-subject";

    private final Properties defaults;
    private final Properties file;
    private final Map<String, String> environment;
    private final Map<String, String> overrides;

    private SwitchboardConfig(Properties defaults, Properties file, Map<String, String> environment,
                              Map<String, String> overrides) {
        this.defaults = defaults;
        this.file = file;
        this.environment = Map.copyOf(environment);
        this.overrides = Map.copyOf(overrides);
    }

    /** The configuration of this process: class-path defaults, the optional file, the environment. */
    public static SwitchboardConfig fromEnvironment() {
        return of(System.getenv(), Map.of());
    }

    /**
     * A configuration from an explicit environment and overrides, for tests and embedding.
     *
     * @param environment variables as {@link System#getenv()} gives them
     * @param overrides   values by property key, winning over everything else
     */
    public static SwitchboardConfig of(Map<String, String> environment, Map<String, String> overrides) {
        Properties defaults = loadDefaults();
        String configFile = environment.get(CONFIG_FILE_VARIABLE);
        Properties file = configFile == null || configFile.isBlank() ? new Properties() : loadFile(Path.of(configFile));
        return new SwitchboardConfig(defaults, file, environment, overrides);
    }

    /** The environment variable that overrides a key. */
    public static String environmentName(String key) {
        return key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    @Override
    public Optional<String> get(String key) {
        String value = overrides.get(key);
        if (value == null) {
            value = environment.get(environmentName(key));
        }
        if (value == null) {
            value = file.getProperty(key);
        }
        if (value == null) {
            value = defaults.getProperty(key);
        }
        return Optional.ofNullable(value).map(String::trim);
    }

    /** Every key the defaults file documents. */
    public Set<String> knownKeys() {
        return new TreeSet<>(defaults.stringPropertyNames());
    }

    /** Every known key with its effective value, for Camel's property placeholders. */
    public Properties effective() {
        Properties effective = new Properties();
        for (String key : knownKeys()) {
            get(key).ifPresent(value -> effective.setProperty(key, value));
        }
        effective.putAll(overrides);
        return effective;
    }

    /**
     * A key's value; every key the gateway itself reads has its default in {@value #DEFAULTS_RESOURCE}, the
     * one place defaults are written.
     */
    public String required(String key) {
        return get(key).orElseThrow(() -> new IllegalStateException(key + " has no default in " + DEFAULTS_RESOURCE));
    }

    public String httpHost() {
        return required(HTTP_HOST);
    }

    public int httpPort() {
        return port(HTTP_PORT);
    }

    /** How long an HTTP thread beyond the pool's minimum stays when idle. */
    public Duration httpIdleThread() {
        return atLeastOne(HTTP_IDLE_THREAD_SECONDS, ChronoUnit.SECONDS);
    }

    /** How much of the durable records each node keeps in memory. */
    public CacheLimits cacheLimits() {
        try {
            return new CacheLimits(requiredInt(CACHE_HEAP_MB), atLeastOne(CACHE_IDLE_SECONDS, ChronoUnit.SECONDS));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(environmentName(CACHE_HEAP_MB) + " / " + environmentName(CACHE_IDLE_SECONDS)
                    + ": " + e.getMessage(), e);
        }
    }

    /** How long a processed interaction's outcome is kept to answer its repeats. */
    public Duration idempotencyKeep() {
        return atLeastOne(IDEMPOTENCY_KEEP_SECONDS, ChronoUnit.SECONDS);
    }

    /** How long after an agent marked himself a customer's preferred agent the customer's next contact goes to him. */
    public Duration preferredAgentWindow() {
        return atLeastOne(PREFERRED_AGENT_WINDOW_HOURS, ChronoUnit.HOURS);
    }

    /** The desk's time zone, in which routing rules read the time of day and the day of the week. */
    public java.time.ZoneId routingTimeZone() {
        String zone = required(ROUTING_TIME_ZONE);
        try {
            return java.time.ZoneId.of(zone);
        } catch (java.time.DateTimeException e) {
            throw new IllegalArgumentException(ROUTING_TIME_ZONE + " must be a time zone such as UTC or Europe/Warsaw, was '"
                    + zone + "'", e);
        }
    }

    /** How long an agent whose desktop went silent stays available. */
    public Duration agentAwayGrace() {
        return Duration.ofSeconds(requiredInt(AWAY_GRACE_SECONDS));
    }

    /** The whole number of {@code unit}s {@code key} gives, refused below one with the variable named. */
    private Duration atLeastOne(String key, ChronoUnit unit) {
        int count = requiredInt(key);
        if (count < 1) {
            throw new BadSetting(environmentName(key) + " must be at least 1, was " + count);
        }
        return Duration.of(count, unit);
    }

    public Path dataDir() {
        return Path.of(required(DATA_DIR));
    }

    public String hazelcastHost() {
        return required(HAZELCAST_HOST);
    }

    public int hazelcastPort() {
        return port(HAZELCAST_PORT);
    }

    public String clusterName() {
        return required(CLUSTER_NAME);
    }

    /** The other cluster members as {@code host:port}; empty when this node runs alone. */
    public List<String> clusterMembers() {
        return Arrays.stream(required(CLUSTER_MEMBERS).split(","))
                .map(String::trim)
                .filter(member -> !member.isEmpty())
                .peek(SwitchboardConfig::checkMember)
                .toList();
    }

    private static void checkMember(String member) {
        int colon = member.lastIndexOf(':');
        if (colon < 1 || !member.substring(colon + 1).matches("[0-9]{1,5}")) {
            throw new BadSetting(
                    environmentName(CLUSTER_MEMBERS) + " must be comma-separated host:port pairs, got '" + member + "'");
        }
    }

    /**
     * Refuses a cluster on a database of one node: every node of a cluster must read and write the same shared
     * database, PostgreSQL, so cluster members with the embedded H2 file (a blank URL) or any H2 URL stop the start.
     *
     * @throws BadSetting naming the settings a cluster needs
     */
    public void checkClusterDatabase() {
        String url = required(DB_URL);
        if (!clusterMembers().isEmpty() && (url.isEmpty() || url.startsWith("jdbc:h2:"))) {
            throw new BadSetting(CLUSTER_MEMBERS + " is set, but every node of a cluster must use the same shared"
                    + " database: set " + DB_URL + " (" + environmentName(DB_URL) + ") to jdbc:postgresql://host:port/database"
                    + " with " + DB_USER + " and " + DB_PASSWORD + " (" + environmentName(DB_USER) + ", "
                    + environmentName(DB_PASSWORD) + ")");
        }
    }

    /** {@link #required(String)} as a whole number, with the key named when it is not one. */
    public int requiredInt(String key) {
        String value = required(key);
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new BadSetting("setting " + key + " must be a whole number, was '" + value + "'");
        }
    }

    private int port(String key) {
        int port = requiredInt(key);
        if (port < 0 || port > 65_535) {
            throw new BadSetting(environmentName(key) + " must be a port from 0 to 65535, was " + port);
        }
        return port;
    }

    private static Properties loadDefaults() {
        Properties defaults = new Properties();
        try (InputStream in = SwitchboardConfig.class.getClassLoader().getResourceAsStream(DEFAULTS_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(DEFAULTS_RESOURCE + " is missing from the class path");
            }
            defaults.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + DEFAULTS_RESOURCE + ": " + e.getMessage(), e);
        }
        return defaults;
    }

    private static Properties loadFile(Path path) {
        Properties file = new Properties();
        try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            file.load(reader);
        } catch (IOException e) {
            throw new BadSetting(
                    CONFIG_FILE_VARIABLE + " names " + path.toAbsolutePath() + ", which cannot be read: " + e.getMessage(), e);
        }
        return file;
    }
}
