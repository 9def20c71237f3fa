package se.samverkan.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.connectors.HttpsConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.config.Setting;
import org.neo4j.logging.Level;
import org.neo4j.logging.log4j.Log4jLogProvider;

/**
 * Runs an embedded Neo4j Community 5.26 (plus GDS and APOC from the plugin directory)
 * in this JVM and exposes it over Bolt on 127.0.0.1 only.
 *
 * <p>Protocol with the parent process (src/db/embeddedNeo4j.ts):
 * <ul>
 *   <li>stdout carries exactly one line, {@code SAMVERKAN_NEO4J_READY bolt://127.0.0.1:PORT},
 *       once Bolt accepts connections and the default database is available. Everything
 *       else (our messages and Neo4j's user log) goes to stderr; Neo4j's debug log goes to
 *       DATA_DIR/logs/debug.log.</li>
 *   <li>The parent keeps our stdin open. EOF on stdin means the parent died or let go of
 *       us, so we shut down cleanly and exit: no orphan JVM holding the store lock.</li>
 *   <li>SIGTERM/SIGINT run the shutdown hook, which shuts the DBMS down (flushes the page
 *       cache, releases the store lock).</li>
 * </ul>
 *
 * <p>Arguments: {@code --data-dir DIR} (required), {@code --bolt-port N} (0 = pick a free
 * port; default 0), {@code --page-cache SIZE} (default 256m), {@code --plugins-dir DIR}
 * (default: target/plugins next to the compiled classes). {@code --heap X} is accepted and
 * ignored: the heap is set with -Xms/-Xmx by whoever starts the JVM.
 */
public final class Launcher {
    private static final String HOST = "127.0.0.1";

    /** The real stdout, reserved for the READY line. System.out is pointed at stderr. */
    private static final PrintStream PROTOCOL_OUT = System.out;

    // Shutdown can be requested from three threads (shutdown hook, stdin watcher, main on
    // failure), possibly while build() is still running. The first caller does the work;
    // later callers wait for it, so the JVM never halts halfway through a checkpoint.
    private static final AtomicBoolean stopRequested = new AtomicBoolean();
    private static final CountDownLatch startupDone = new CountDownLatch(1);
    private static final CountDownLatch stopDone = new CountDownLatch(1);
    private static volatile DatabaseManagementService managementService;

    private Launcher() {}

    public static void main(String[] args) {
        // Any library that prints to System.out would corrupt the protocol; send it to stderr.
        System.setOut(System.err);
        try {
            run(parseArgs(args));
        } catch (Throwable t) {
            startupDone.countDown();
            if (stopRequested.get()) {
                return; // we were asked to stop while starting; the stopper exits the JVM
            }
            t.printStackTrace(System.err);
            // Last, on one line, so the parent can quote it: the root cause is what matters
            // ("Lock file has been locked by another process", "Address already in use", ...).
            Throwable root = t;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            System.err.println("SAMVERKAN_NEO4J_FAILED " + root);
            stop();
            System.exit(1);
        }
    }

    private static Map<String, String> parseArgs(String[] args) {
        Map<String, String> opts = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (!a.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument: " + a);
            }
            int eq = a.indexOf('=');
            if (eq > 0) { // --key=value
                opts.put(a.substring(2, eq), a.substring(eq + 1));
            } else if (i + 1 < args.length) { // --key value
                opts.put(a.substring(2), args[++i]);
            } else {
                throw new IllegalArgumentException("missing value for " + a);
            }
        }
        if (!opts.containsKey("data-dir")) {
            throw new IllegalArgumentException("--data-dir DIR is required");
        }
        return opts;
    }

    private static void run(Map<String, String> opts) throws Exception {
        Path home = Paths.get(opts.get("data-dir")).toAbsolutePath();
        Files.createDirectories(home);
        Path plugins = opts.containsKey("plugins-dir")
                ? Paths.get(opts.get("plugins-dir")).toAbsolutePath()
                : defaultPluginsDir();
        String pageCache = opts.getOrDefault("page-cache", "256m");
        int requestedPort = Integer.parseInt(opts.getOrDefault("bolt-port", "0"));

        Runtime.getRuntime().addShutdownHook(new Thread(Launcher::stop, "samverkan-neo4j-shutdown"));
        watchStdin();

        // With port 0 we pick a free port ourselves (bind, close, reuse). Another process could
        // grab it in between, so retry a few times with a fresh port on a bind failure.
        int attempts = requestedPort == 0 ? 3 : 1;
        int port = -1;
        try {
            for (int attempt = 1; !stopRequested.get(); attempt++) {
                port = requestedPort == 0 ? freePort() : requestedPort;
                try {
                    managementService = builder(home, plugins, pageCache, port).build();
                    break;
                } catch (RuntimeException e) {
                    if (attempt >= attempts || !isBindFailure(e)) {
                        throw e;
                    }
                    System.err.println("samverkan-neo4j: port " + port + " was taken, retrying: " + e);
                }
            }
        } finally {
            startupDone.countDown();
        }
        if (stopRequested.get()) {
            return; // stdin closed or signal during startup; stop() shuts the DBMS down
        }

        GraphDatabaseService db = managementService.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
        if (!db.isAvailable(TimeUnit.MINUTES.toMillis(3))) {
            throw new IllegalStateException("default database did not become available");
        }
        // A trivial query proves the query stack (and so procedure registration) works.
        db.executeTransactionally("RETURN 1");
        waitForBolt(port, Duration.ofSeconds(60));

        PROTOCOL_OUT.println("SAMVERKAN_NEO4J_READY bolt://" + HOST + ":" + port);
        PROTOCOL_OUT.flush();
        System.err.println("samverkan-neo4j: ready on bolt://" + HOST + ":" + port + " (home " + home + ")");
        // main returns; the DBMS threads (non-daemon) keep the JVM alive until stop().
    }

    private static DatabaseManagementServiceBuilder builder(Path home, Path plugins, String pageCache, int port) {
        Map<Setting<?>, Object> cfg = new HashMap<>();
        // Network: Bolt on loopback only, no HTTP(S), no auth (the service is the only client).
        cfg.put(BoltConnector.enabled, true);
        cfg.put(BoltConnector.listen_address, new SocketAddress(HOST, port));
        cfg.put(BoltConnector.advertised_address, new SocketAddress(HOST, port));
        // Bolt worker threads are created on demand; keep the idle pool tiny on a 2-core box.
        cfg.put(BoltConnector.thread_pool_min_size, 1);
        // Bolt shutdown otherwise waits 5 s for connections and another 5 s for its thread
        // pool, even when idle; by then the databases are already checkpointed and closed.
        cfg.put(BoltConnectorInternalSettings.connection_shutdown_wait_time, Duration.ofMillis(500));
        cfg.put(BoltConnectorInternalSettings.thread_pool_shutdown_wait_time, Duration.ofMillis(500));
        cfg.put(HttpConnector.enabled, false);
        cfg.put(HttpsConnector.enabled, false);
        cfg.put(GraphDatabaseSettings.auth_enabled, false);

        // Memory: heap is set by -Xmx; the page cache is off-heap and defaults to 50% of RAM
        // unless set, which would be far too much next to the Node service.
        cfg.put(GraphDatabaseSettings.pagecache_memory, parseBytes(pageCache));

        // Transaction logs: no preallocation (it writes whole files up front, slow on small
        // disks and containers), small files, and keep little history. This is a dev/test DB.
        cfg.put(GraphDatabaseSettings.preallocate_logical_logs, false);
        cfg.put(GraphDatabaseSettings.logical_log_rotation_threshold, 16L * 1024 * 1024);
        cfg.put(GraphDatabaseSettings.keep_logical_logs, "2 files");

        // Plugins: GDS and APOC jars are both on the classpath (so their kernel extensions
        // are found by ServiceLoader) and in the plugin dir (so the procedure compiler scans
        // them for @Procedure / @UserFunction). Their procedures need kernel access.
        cfg.put(GraphDatabaseSettings.plugin_dir, plugins);
        cfg.put(GraphDatabaseSettings.procedure_unrestricted, List.of("gds.*", "apoc.*"));

        // No phoning home.
        cfg.put(GraphDatabaseSettings.udc_enabled, false);

        return new DatabaseManagementServiceBuilder(home)
                .setConfig(cfg)
                // Neo4j's user log (the "neo4j.log" of a server) -> stderr, warnings and errors
                // only (at INFO, GDS alone adds ~20 lines per start). Everything, at INFO, is in
                // home/logs/debug.log.
                .setUserLogProvider(new Log4jLogProvider(System.err, Level.WARN));
    }

    /** target/plugins next to target/classes (or next to the launcher jar). */
    private static Path defaultPluginsDir() throws Exception {
        Path codeSource = Paths.get(Launcher.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        return codeSource.getParent().resolve("plugins");
    }

    /** "256m", "1g", "512k", "1048576" -> bytes. */
    static long parseBytes(String s) {
        String v = s.trim().toLowerCase();
        long mult = 1;
        char last = v.charAt(v.length() - 1);
        if (last == 'k' || last == 'm' || last == 'g') {
            mult = last == 'k' ? 1024L : last == 'm' ? 1024L * 1024 : 1024L * 1024 * 1024;
            v = v.substring(0, v.length() - 1);
        }
        return Long.parseLong(v) * mult;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket()) {
            s.setReuseAddress(true);
            s.bind(new InetSocketAddress(HOST, 0));
            return s.getLocalPort();
        }
    }

    private static boolean isBindFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.net.BindException) {
                return true;
            }
            String m = String.valueOf(t.getMessage());
            if (m.contains("Address already in use") || m.contains("PortBindException")) {
                return true;
            }
            if (t.getClass().getSimpleName().contains("PortBind")) {
                return true;
            }
        }
        return false;
    }

    /** build() returns after the connector is started, but check the socket to be sure. */
    private static void waitForBolt(int port, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(HOST, port), 1000);
                return;
            } catch (IOException e) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Bolt did not accept connections on port " + port, e);
                }
                Thread.sleep(100);
            }
        }
    }

    /**
     * The parent holds our stdin open for as long as it wants us alive. EOF (or a read
     * error) means it has gone: shut down and exit so the JVM never outlives it.
     */
    private static void watchStdin() {
        Thread t = new Thread(() -> {
            InputStream in = System.in;
            byte[] buf = new byte[256];
            try {
                while (in.read(buf) >= 0) {
                    // input is ignored; we only care about EOF
                }
            } catch (IOException ignored) {
                // treat like EOF
            }
            System.err.println("samverkan-neo4j: stdin closed, shutting down");
            stop();
            System.exit(0);
        }, "samverkan-stdin-watch");
        t.setDaemon(true);
        t.start();
    }

    /**
     * Idempotent: called from the shutdown hook, the stdin watcher, and on startup failure.
     * Waits for an in-progress build() to finish so the DBMS it creates is shut down too.
     */
    private static void stop() {
        if (!stopRequested.compareAndSet(false, true)) {
            awaitQuietly(stopDone, 60);
            return;
        }
        try {
            awaitQuietly(startupDone, 120);
            DatabaseManagementService dbms = managementService;
            if (dbms != null) {
                dbms.shutdown(); // checkpoints and releases the store lock
            }
        } catch (Throwable t) {
            System.err.println("samverkan-neo4j: error during shutdown: " + t);
        } finally {
            System.err.println("SAMVERKAN_NEO4J_STOPPED");
            System.err.flush();
            stopDone.countDown();
        }
    }

    private static void awaitQuietly(CountDownLatch latch, long seconds) {
        try {
            latch.await(seconds, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
