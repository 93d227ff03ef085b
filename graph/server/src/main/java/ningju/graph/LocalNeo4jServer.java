package ningju.graph;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.SettingValueParsers;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.connectors.HttpsConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.Label;
import org.neo4j.graphdb.Node;
import org.neo4j.graphdb.Transaction;
import org.neo4j.logging.log4j.Log4jLogProvider;
import org.neo4j.server.security.SecureHasher;
import org.neo4j.server.security.SystemGraphCredential;

/**
 * Local Neo4j Community server for NingJu development and tests: an embedded
 * DatabaseManagementService (org.neo4j:neo4j from Maven Central) with Bolt on
 * 127.0.0.1, auth enabled, the HTTP connector off.
 *
 * <p>Configuration (environment):
 * <ul>
 *   <li>NEO4J_LOCAL_BOLT_PORT (default 7687)</li>
 *   <li>NEO4J_LOCAL_DATA_DIR (default ./.var/neo4j, relative to the working directory)</li>
 *   <li>NEO4J_LOCAL_PASSWORD (default ningju-local-dev; at least 8 characters)</li>
 *   <li>NEO4J_LOCAL_PAGECACHE (default 512m)</li>
 * </ul>
 *
 * <p>Layout under the data dir: {@code data/} (stores, transactions, dbms), {@code logs/}
 * (neo4j.log = Neo4j's user log, debug.log = its debug log).
 *
 * <p>When the default database is available and Bolt accepts TCP connections it prints
 * exactly one line {@code NINGJU_NEO4J_READY bolt://127.0.0.1:<port>} to stdout.
 * SIGTERM/SIGINT shut the database down cleanly via a shutdown hook.
 */
public final class LocalNeo4jServer {

    static final String READY_PREFIX = "NINGJU_NEO4J_READY ";
    private static final String BIND_HOST = "127.0.0.1";

    private LocalNeo4jServer() {}

    public static void main(String[] args) throws Exception {
        // --cds-training: start on an ephemeral port, run typical statements, shut down. The build
        // runs this once under -XX:ArchiveClassesAtExit to make a class-data-sharing archive
        // that cuts later JVM starts by several seconds.
        boolean training = args.length > 0 && "--cds-training".equals(args[0]);
        int port = training ? 0 : parsePort(env("NEO4J_LOCAL_BOLT_PORT", "7687"));
        Path dataDir = Path.of(env("NEO4J_LOCAL_DATA_DIR", "./.var/neo4j")).toAbsolutePath().normalize();
        String password = env("NEO4J_LOCAL_PASSWORD", "ningju-local-dev");
        String pageCache = env("NEO4J_LOCAL_PAGECACHE", "512m");
        long startWaitMillis = Long.parseLong(env("NEO4J_LOCAL_AVAILABLE_TIMEOUT_MS", "170000"));

        if (password.length() < 8) {
            fail("NEO4J_LOCAL_PASSWORD must be at least 8 characters (Neo4j's minimum password length)");
        }

        Path logsDir = dataDir.resolve("logs");
        Files.createDirectories(logsDir);

        log("starting Neo4j (embedded, Community) home=" + dataDir + " bolt=" + BIND_HOST + ":" + port
                + " pagecache=" + pageCache);

        // Neo4j's user log (what the server writes to logs/neo4j.log) goes to a file, not the console.
        OutputStream userLogStream = new FileOutputStream(logsDir.resolve("neo4j.log").toFile(), true);
        Log4jLogProvider userLogProvider = new Log4jLogProvider(userLogStream);

        long pageCacheBytes = 0;
        try {
            pageCacheBytes = SettingValueParsers.BYTES.parse(pageCache);
        } catch (IllegalArgumentException e) {
            fail("NEO4J_LOCAL_PAGECACHE: " + e.getMessage());
        }

        long t0 = System.nanoTime();
        DatabaseManagementService dbms;
        try {
            dbms = buildDbms(dataDir, logsDir, port, pageCacheBytes, userLogProvider);
        } catch (Throwable t) {
            // e.g. the port is taken or another process holds this data dir's store lock
            log("FATAL: Neo4j failed to start: " + messageChain(t));
            t.printStackTrace();
            System.exit(1);
            return;
        }

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            log("shutting down Neo4j ...");
            try {
                dbms.shutdown();
                log("Neo4j stopped cleanly");
            } catch (Throwable t) {
                log("error during shutdown: " + t);
            } finally {
                try {
                    userLogProvider.close();
                    userLogStream.close();
                } catch (IOException ignored) {
                    // best effort
                }
                stopped.countDown();
            }
        }, "ningju-neo4j-shutdown"));

        GraphDatabaseService system = dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME);
        if (!system.isAvailable(startWaitMillis)) {
            fail("system database did not become available within " + startWaitMillis + " ms");
        }
        log(String.format("DBMS started after %.1f s", (System.nanoTime() - t0) / 1e9));
        setPassword(system, password);

        GraphDatabaseService neo4j = dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
        if (!neo4j.isAvailable(startWaitMillis)) {
            fail("database 'neo4j' did not become available within " + startWaitMillis + " ms");
        }
        if (training) {
            train(system, neo4j);
            log("CDS training run done");
            System.exit(0);
        }
        waitForTcp(BIND_HOST, port, startWaitMillis);

        log(String.format("Neo4j available after %.1f s", (System.nanoTime() - t0) / 1e9));
        System.out.println(READY_PREFIX + "bolt://" + BIND_HOST + ":" + port);
        System.out.flush();

        // Warm up the Cypher stack (parser, planner, runtime) in the background so that the
        // first client query does not pay all of its class loading and JIT.
        Thread warmup = new Thread(() -> {
            try {
                neo4j.executeTransactionally("MATCH (n) WHERE n.ningjuWarmup = $v RETURN count(n) AS c",
                        Map.of("v", 1), r -> r.hasNext() ? r.next() : null);
            } catch (Throwable t) {
                log("Cypher warm-up failed (harmless): " + t);
            }
        }, "ningju-neo4j-warmup");
        warmup.setDaemon(true);
        warmup.start();

        stopped.await();
    }

    private static DatabaseManagementService buildDbms(Path dataDir, Path logsDir, int port, long pageCacheBytes,
                                                       Log4jLogProvider userLogProvider) {
        return new DatabaseManagementServiceBuilder(dataDir)
                .setUserLogProvider(userLogProvider)
                .setConfig(GraphDatabaseSettings.data_directory, dataDir.resolve("data"))
                .setConfig(GraphDatabaseSettings.logs_directory, logsDir)
                .setConfig(GraphDatabaseSettings.auth_enabled, true)
                .setConfig(GraphDatabaseSettings.pagecache_memory, pageCacheBytes)
                .setConfig(GraphDatabaseSettings.udc_enabled, false)
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress(BIND_HOST, port))
                .setConfig(BoltConnector.advertised_address, new SocketAddress(BIND_HOST, port))
                .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
                .setConfig(HttpConnector.enabled, false)
                .setConfig(HttpsConnector.enabled, false)
                // Bolt's shutdown otherwise waits ~10 s on an idle dev server; keep `stop` quick.
                .setConfig(BoltConnectorInternalSettings.connection_shutdown_wait_time, Duration.ofSeconds(1))
                .setConfig(BoltConnectorInternalSettings.thread_pool_shutdown_wait_time, Duration.ofSeconds(1))
                .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 0)
                .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_timeout, Duration.ofSeconds(2))
                .build();
    }

    /** Statements whose classes are worth having in the class-data-sharing archive. */
    private static void train(GraphDatabaseService system, GraphDatabaseService neo4j) {
        system.executeTransactionally("SHOW USERS YIELD user RETURN count(user) AS c");
        neo4j.executeTransactionally("CREATE CONSTRAINT ningju_training_uid IF NOT EXISTS "
                + "FOR (n:NingjuTraining) REQUIRE n.uid IS UNIQUE");
        neo4j.executeTransactionally("CREATE INDEX ningju_training_name IF NOT EXISTS "
                + "FOR (n:NingjuTraining) ON (n.name)");
        neo4j.executeTransactionally("CALL db.awaitIndexes(60)");
        for (int i = 0; i < 3; i++) {
            neo4j.executeTransactionally("UNWIND range(1, 50) AS i "
                    + "MERGE (a:NingjuTraining {uid: 'a' + i}) SET a.name = $name "
                    + "MERGE (b:NingjuTraining {uid: 'b' + (i % 7)}) "
                    + "MERGE (a)-[r:LINKS]->(b) SET r.w = i", Map.of("name", "训练"));
            neo4j.executeTransactionally("MATCH (a:NingjuTraining)-[r:LINKS]->(b) WHERE a.uid STARTS WITH $p "
                    + "RETURN a.uid AS a, b.uid AS b, r.w AS w ORDER BY w LIMIT 20", Map.of("p", "a"),
                    r -> { while (r.hasNext()) { r.next(); } return null; });
            neo4j.executeTransactionally("MATCH p = shortestPath((a:NingjuTraining {uid:'a1'})-[*..4]-(b:NingjuTraining {uid:'a2'})) "
                    + "RETURN length(p) AS l", Map.of(), r -> { while (r.hasNext()) { r.next(); } return null; });
            neo4j.executeTransactionally("CALL dbms.components() YIELD name, versions RETURN name, versions");
            neo4j.executeTransactionally("SHOW CONSTRAINTS YIELD name RETURN collect(name) AS names");
        }
        neo4j.executeTransactionally("MATCH (n:NingjuTraining) DETACH DELETE n");
    }

    /**
     * Sets the neo4j user's password from configuration and clears "change required".
     * Idempotent across restarts: if the stored credential already matches (checked with
     * Neo4j's own SystemGraphCredential, read through the core API so no Cypher has to be
     * compiled at startup) nothing is written. Otherwise it runs
     * {@code ALTER USER neo4j SET PASSWORD $p CHANGE NOT REQUIRED} on the system database
     * (embedded transactions run without auth). Neo4j refuses to "change" a password to its
     * current value, which is treated as already done.
     */
    private static void setPassword(GraphDatabaseService system, String password) {
        if (passwordAlreadySet(system, password)) {
            log("password of user 'neo4j' already matches NEO4J_LOCAL_PASSWORD");
            return;
        }
        try {
            system.executeTransactionally(
                    "ALTER USER neo4j SET PASSWORD $p CHANGE NOT REQUIRED", Map.of("p", password));
            log("password of user 'neo4j' set from NEO4J_LOCAL_PASSWORD");
        } catch (RuntimeException e) {
            if (messageChain(e).contains("Old password and new password cannot be the same")) {
                system.executeTransactionally("ALTER USER neo4j SET PASSWORD CHANGE NOT REQUIRED");
                log("password of user 'neo4j' already matches NEO4J_LOCAL_PASSWORD (change-required cleared)");
            } else {
                throw e;
            }
        }
    }

    private static boolean passwordAlreadySet(GraphDatabaseService system, String password) {
        try (Transaction tx = system.beginTx()) {
            Node user = tx.findNode(Label.label("User"), "name", "neo4j");
            if (user == null) {
                return false;
            }
            Object credentials = user.getProperty("credentials", null);
            Object changeRequired = user.getProperty("passwordChangeRequired", null);
            if (!(credentials instanceof String) || !Boolean.FALSE.equals(changeRequired)) {
                return false;
            }
            return SystemGraphCredential.deserialize((String) credentials, new SecureHasher())
                    .matchesPassword(password.getBytes(StandardCharsets.UTF_8));
        } catch (Exception e) {
            // Unexpected layout of the system graph: fall back to the Cypher route.
            log("could not check the stored password (" + e + "); setting it via Cypher");
            return false;
        }
    }

    private static String messageChain(Throwable t) {
        StringBuilder sb = new StringBuilder();
        for (Throwable c = t; c != null; c = c.getCause()) {
            sb.append(c.getMessage()).append(" | ");
        }
        return sb.toString();
    }

    private static void waitForTcp(String host, int port, long timeoutMillis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (true) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(host, port), 1000);
                return;
            } catch (IOException e) {
                if (System.currentTimeMillis() > deadline) {
                    fail("Bolt did not accept connections on " + host + ":" + port + ": " + e);
                }
                TimeUnit.MILLISECONDS.sleep(100);
            }
        }
    }

    private static int parsePort(String s) {
        try {
            int p = Integer.parseInt(s.trim());
            if (p < 1 || p > 65535) {
                throw new NumberFormatException();
            }
            return p;
        } catch (NumberFormatException e) {
            fail("NEO4J_LOCAL_BOLT_PORT must be a TCP port (1-65535), got '" + s + "'");
            return -1;
        }
    }

    private static String env(String name, String def) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? def : v;
    }

    private static void log(String msg) {
        System.err.println("[ningju-neo4j] " + msg);
        System.err.flush();
    }

    private static void fail(String msg) {
        log("FATAL: " + msg);
        System.exit(1);
    }
}
