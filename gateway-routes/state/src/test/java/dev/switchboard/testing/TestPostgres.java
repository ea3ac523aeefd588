package dev.switchboard.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL server of the tests' own, never a shared one: Debian's binaries (initdb and pg_ctl of the newest
 * {@code /usr/lib/postgresql/<version>}) make a cluster in a temporary directory and start it on a free loopback
 * port, its unix socket in that directory too; it is stopped and the directory deleted at {@link #close()} and,
 * whatever a test did, when the JVM exits. Tests ask it for databases of their own ({@link #createDatabase()}), so
 * that none sees another's rows. One server serves a whole test JVM ({@link #shared()}); it starts in about a second.
 *
 * <p>The cluster is made without syncing its files (nothing of it outlives the JVM), but the server runs with
 * {@code fsync} on, as in production. Connections over TCP authenticate with a password (SCRAM), as a gateway
 * configured with {@code switchboard.db.user} and {@code switchboard.db.password} does. PostgreSQL refuses to run
 * as root: a JVM running as root runs the binaries as the user {@code postgres} (which Debian's package makes).
 */
public final class TestPostgres implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TestPostgres.class);
    private static final Path DEBIAN_VERSIONS = Path.of("/usr/lib/postgresql");
    private static final String USER = "switchboard";
    private static final String SYSTEM_USER = "postgres";
    private static final int START_TRIES = 3;
    private static TestPostgres shared;

    private final Path bin;
    private final Path dir;
    private final boolean asSystemUser;
    private final boolean isShared;
    private final String password;
    private final AtomicBoolean stopped = new AtomicBoolean();
    private final Thread stopAtExit = new Thread(this::stopAndDelete, "test-postgres-stop");
    private int port;
    private int databases;
    private Connection admin;

    private TestPostgres(Path bin, Path dir, boolean asSystemUser, boolean isShared) {
        this.bin = bin;
        this.dir = dir;
        this.asSystemUser = asSystemUser;
        this.isShared = isShared;
        byte[] secret = new byte[16];
        new SecureRandom().nextBytes(secret);
        this.password = HexFormat.of().formatHex(secret);
    }

    /** The server of this test JVM, started the first time it is asked for and stopped when the JVM exits. */
    public static synchronized TestPostgres shared() {
        if (shared == null) {
            shared = start(true);
        }
        return shared;
    }

    /** A server of the caller's own, stopped and deleted by {@link #close()} (or when the JVM exits). */
    public static TestPostgres start() {
        return start(false);
    }

    private static TestPostgres start(boolean isShared) {
        long started = System.nanoTime();
        Path bin = newestBinaries();
        boolean asSystemUser = runsAsRoot();
        Path dir;
        try {
            dir = Files.createTempDirectory("switchboard-pg-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        TestPostgres server = new TestPostgres(bin, dir, asSystemUser, isShared);
        Runtime.getRuntime().addShutdownHook(server.stopAtExit);
        try {
            server.initdb();
            server.startServer();
            server.admin = DriverManager.getConnection(server.jdbcUrl(), USER, server.password);
        } catch (IOException | SQLException | RuntimeException e) {
            server.close();
            throw new IllegalStateException("cannot start the tests' PostgreSQL (" + bin + "): " + e.getMessage(), e);
        }
        LOG.info("Tests' PostgreSQL ({}) on 127.0.0.1:{} in {} ms", bin.getParent().getFileName(), server.port,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        return server;
    }

    /** The bin directory of the newest PostgreSQL under Debian's {@code /usr/lib/postgresql}. */
    private static Path newestBinaries() {
        List<Path> versions = new ArrayList<>();
        if (Files.isDirectory(DEBIAN_VERSIONS)) {
            try (Stream<Path> found = Files.list(DEBIAN_VERSIONS)) {
                found.map(version -> version.resolve("bin"))
                        .filter(bin -> Files.isExecutable(bin.resolve("initdb")) && Files.isExecutable(bin.resolve("pg_ctl")))
                        .forEach(versions::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return versions.stream().max(Comparator.comparing(bin -> versionNumber(bin.getParent().getFileName().toString())))
                .orElseThrow(() -> new IllegalStateException("the tests need PostgreSQL's initdb and pg_ctl in "
                        + DEBIAN_VERSIONS + "/<version>/bin, and there are none: install Debian's postgresql"
                        + " (scripts/test-all does it)"));
    }

    private static Runtime.Version versionNumber(String name) {
        try {
            return Runtime.Version.parse(name);
        } catch (IllegalArgumentException e) {
            return Runtime.Version.parse("0");
        }
    }

    private static boolean runsAsRoot() {
        try {
            Process id = new ProcessBuilder("id", "-u").redirectErrorStream(true).start();
            String uid = new String(id.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            id.waitFor();
            return "0".equals(uid);
        } catch (IOException e) {
            return "root".equals(System.getProperty("user.name"));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private void initdb() throws IOException {
        if (asSystemUser) {
            giveToSystemUser(dir);
        }
        Path passwordFile = dir.resolve("password");
        Files.writeString(passwordFile, password + "\n");
        if (asSystemUser) {
            giveToSystemUser(passwordFile);
        }
        run("initdb", List.of(bin.resolve("initdb").toString(), "-D", data().toString(), "-U", USER, "-E", "UTF8",
                "--no-locale", "--no-sync", "--auth-local=trust", "--auth-host=scram-sha-256",
                "--pwfile=" + passwordFile));
        Files.delete(passwordFile);
    }

    private void startServer() throws IOException {
        for (int attempt = 1; ; attempt++) {
            port = Ports.free();
            try {
                run("pg_ctl start", List.of(bin.resolve("pg_ctl").toString(), "-D", data().toString(),
                        "-l", serverLog().toString(), "-w", "-t", "60",
                        "-o", "-h 127.0.0.1 -p " + port + " -k '" + dir + "' -c max_connections=200 -c fsync=on",
                        "start"));
                return;
            } catch (IllegalStateException e) {
                // another process took the free port between our look and the server's bind
                if (attempt == START_TRIES || !Files.readString(serverLog()).contains("could not bind")) {
                    throw e;
                }
            }
        }
    }

    private void giveToSystemUser(Path path) throws IOException {
        UserPrincipal owner;
        try {
            owner = path.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(SYSTEM_USER);
        } catch (IOException e) {
            throw new IllegalStateException("PostgreSQL refuses to run as root, and there is no user '" + SYSTEM_USER
                    + "' to run it as: install Debian's postgresql (scripts/test-all does it)", e);
        }
        Files.setOwner(path, owner);
    }

    /** Runs a PostgreSQL program (as {@code postgres} when the JVM is root), failing with what it printed. */
    private void run(String what, List<String> program) throws IOException {
        List<String> command = new ArrayList<>();
        if (asSystemUser) {
            command.addAll(List.of("runuser", "-u", SYSTEM_USER, "--"));
        }
        command.addAll(program);
        Path output = dir.resolve(what.replace(' ', '-') + ".out");
        // to a file: the server pg_ctl starts inherits its output, and a pipe would stay open for the server's life
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        try {
            if (!process.waitFor(90, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(what + " did not end within 90 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new IllegalStateException(what + " was interrupted", e);
        }
        if (process.exitValue() != 0) {
            String log = Files.exists(serverLog()) ? "\nserver log:\n" + Files.readString(serverLog()) : "";
            throw new IllegalStateException(what + " failed (exit " + process.exitValue() + "): "
                    + Files.readString(output).strip() + log);
        }
    }

    private Path data() {
        return dir.resolve("data");
    }

    private Path serverLog() {
        return dir.resolve("server.log");
    }

    /** A new, empty database of this server, named for no one else. */
    public synchronized String createDatabase() {
        String name = "test_" + ++databases;
        try (Statement statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the database " + name + ": " + e.getMessage(), e);
        }
        return name;
    }

    /** Drops a database made by {@link #createDatabase()}, closing what is still connected to it. */
    public synchronized void dropDatabase(String name) {
        try (Statement statement = admin.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot drop the database " + name + ": " + e.getMessage(), e);
        }
    }

    /** The JDBC URL of a database of this server. */
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    /** The JDBC URL of the server's maintenance database, {@code postgres}. */
    public String jdbcUrl() {
        return jdbcUrl("postgres");
    }

    /** The server's superuser, who owns every database made here. */
    public String user() {
        return USER;
    }

    public String password() {
        return password;
    }

    public int port() {
        return port;
    }

    /** Stops the server and deletes its directory; the {@link #shared()} server is left to the JVM's exit. */
    @Override
    public void close() {
        if (isShared) {
            return;
        }
        try {
            Runtime.getRuntime().removeShutdownHook(stopAtExit);
        } catch (IllegalStateException e) {
            // the JVM is exiting: the hook runs anyway
        }
        stopAndDelete();
    }

    private void stopAndDelete() {
        if (!stopped.compareAndSet(false, true)) {
            return;
        }
        try {
            if (admin != null) {
                admin.close();
            }
        } catch (SQLException e) {
            LOG.debug("Closing the admin connection failed: {}", e.toString());
        }
        try {
            if (Files.exists(data().resolve("postmaster.pid"))) {
                run("pg_ctl stop", List.of(bin.resolve("pg_ctl").toString(), "-D", data().toString(),
                        "-m", "fast", "-w", "-t", "60", "stop"));
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("Stopping the tests' PostgreSQL failed: {}", e.toString());
        }
        deleteTree(dir);
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            LOG.warn("Cannot delete {}: {}", root, e.toString());
        }
    }
}
