package io.oncoaudit.api.support;

import io.oncoaudit.api.load.RunLoader;
import io.oncoaudit.api.security.Role;
import io.oncoaudit.api.security.UserService;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Runs and users shared by the @QuarkusTests (one Quarkus app and one database for all of them). */
public final class Fixtures {
    public static final String AUDITOR = "alice";
    public static final String FINANCE = "frank";
    public static final String AUDITOR_PASSWORD = "a-" + UUID.randomUUID();
    public static final String FINANCE_PASSWORD = "f-" + UUID.randomUUID();
    private static final Map<String, RunFixture.Run> RUNS = new HashMap<>();
    private static boolean usersCreated;

    private Fixtures() { }

    public static synchronized void users(UserService users) {
        if (usersCreated) return;
        users.add(AUDITOR, Set.of(Role.AUDITOR), AUDITOR_PASSWORD);
        users.add(FINANCE, Set.of(Role.FINANCE), FINANCE_PASSWORD);
        usersCreated = true;
    }

    /** Writes and loads a run once per JVM; runId and fingerprint are unique per name. */
    public static synchronized RunFixture.Run run(RunLoader loader, String name, int claims, long seed) throws Exception {
        RunFixture.Run run = RUNS.get(name);
        if (run != null) return run;
        Path dir = Files.createTempDirectory("oncoaudit-run-" + name);
        run = RunFixture.write(dir, name, "fp-" + name + "-" + UUID.randomUUID(), claims, seed);
        loader.load(dir, "test", new PrintStream(System.err, true));
        RUNS.put(name, run);
        return run;
    }

    public static RequestSpecification admin() { return as("admin", ZonkyDatabase.ADMIN_PASSWORD); }

    public static RequestSpecification auditor() { return as(AUDITOR, AUDITOR_PASSWORD); }

    public static RequestSpecification finance() { return as(FINANCE, FINANCE_PASSWORD); }

    public static RequestSpecification as(String user, String password) {
        return RestAssured.given().auth().preemptive().basic(user, password);
    }
}
