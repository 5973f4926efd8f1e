package io.oncoaudit.api;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.oncoaudit.api.load.RunLoader;
import io.oncoaudit.api.security.UserService;
import io.oncoaudit.api.support.Fixtures;
import io.oncoaudit.api.support.RunFixture;
import io.oncoaudit.api.support.ZonkyDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = ZonkyDatabase.class, restrictToAnnotatedClass = false)
class SecurityTests {
    /** The fixture's patient ids: "PT" and six digits. */
    private static final Pattern PATIENT_ID = Pattern.compile("PT\\d{6}");

    @Inject
    RunLoader loader;

    @Inject
    UserService users;

    RunFixture.Run run;

    @BeforeEach
    void setUp() throws Exception {
        Fixtures.users(users);
        run = Fixtures.run(loader, "security", 200, 21);
    }

    @Test
    void everythingButHealthNeedsALogin() {
        for (String path : List.of("/api/summary?by=payer", "/api/findings", "/api/runs", "/api/me", "/api/users",
                "/api/access-log", "/api/findings/export.csv", "/api/encounters/x", "/q/metrics", "/q/openapi")) {
            RestAssured.get(path).then().statusCode(401).header("WWW-Authenticate", org.hamcrest.Matchers.containsStringIgnoringCase("basic realm"));
        }
        RestAssured.given().body("{}").post("/api/recode").then().statusCode(401);
        Fixtures.as("admin", "wrong-password").get("/api/summary").then().statusCode(401);
        Fixtures.as("nobody", "whatever-pw").get("/api/summary").then().statusCode(401);
        RestAssured.get("/q/health/ready").then().statusCode(200);
        RestAssured.get("/q/health/live").then().statusCode(200);
        // the dashboard's static shell (login page, scripts) is public: it holds no data, every data call needs a login
        RestAssured.get("/").then().statusCode(200).contentType(org.hamcrest.Matchers.containsString("text/html"))
                .body(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString(run.findings().get(0).claimId())));
    }

    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "quarkus.oidc.tenant-enabled")
    boolean oidcEnabled;

    @Test
    void withoutAProviderOidcIsOffAndBearerTokensAreRefused() {
        assertFalse(oidcEnabled, "no oncoaudit.oidc.auth-server-url: quarkus.oidc.tenant-enabled=false");
        RestAssured.given().header("Authorization", "Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.")
                .get("/api/summary?by=payer").then().statusCode(401);
        Fixtures.finance().get("/api/summary?by=payer").then().statusCode(200);
    }

    @Test
    void wrongRolesGet403() {
        Fixtures.finance().get("/api/encounters/" + run.findings().get(0).claimId()).then().statusCode(403);
        Fixtures.finance().get("/api/users").then().statusCode(403);
        Fixtures.finance().get("/api/access-log").then().statusCode(403);
        Fixtures.auditor().get("/api/users").then().statusCode(403);
        Fixtures.auditor().get("/api/access-log").then().statusCode(403);
        Fixtures.auditor().contentType("application/json").body("{\"username\":\"x\",\"roles\":[\"admin\"],\"password\":\"12345678\"}")
                .post("/api/users").then().statusCode(403);
    }

    @Test
    void financeNeverReceivesAPatientId() {
        List<String> bodies = new ArrayList<>();
        bodies.add(Fixtures.finance().get("/api/summary").then().statusCode(200).extract().asString());
        for (String by : List.of("payer", "provider", "kind")) {
            bodies.add(Fixtures.finance().get("/api/summary?by=" + by).then().statusCode(200).extract().asString());
        }
        bodies.add(Fixtures.finance().get("/api/runs").then().statusCode(200).extract().asString());
        bodies.add(Fixtures.finance().get("/api/runs/" + run.runId()).then().statusCode(200).extract().asString());
        bodies.add(Fixtures.finance().get("/api/me").then().statusCode(200).extract().asString());
        String cursor = null;
        int pages = 0;
        do {
            var req = Fixtures.finance().queryParam("runId", run.runId()).queryParam("size", 100);
            if (cursor != null) req = req.queryParam("cursor", cursor);
            var resp = req.get("/api/findings").then().statusCode(200).extract();
            bodies.add(resp.asString());
            cursor = resp.path("nextCursor");
            pages++;
        } while (cursor != null);
        assertTrue(pages > 1);
        bodies.add(Fixtures.finance().queryParam("runId", run.runId()).get("/api/findings/export.csv")
                .then().statusCode(200).extract().asString());
        bodies.add(Fixtures.finance().get("/api/encounters/" + run.findings().get(0).claimId()).then().statusCode(403).extract().asString());
        for (String body : bodies) {
            assertFalse(PATIENT_ID.matcher(body).find(), "a finance response holds a patient id: "
                    + body.substring(0, Math.min(300, body.length())));
            assertFalse(body.contains("patientId") || body.contains("patient_id"), "a finance response names a patient field");
        }
        // the same page for an auditor does hold them, so the scan above can fail
        String auditorPage = Fixtures.auditor().queryParam("runId", run.runId()).get("/api/findings").then().statusCode(200).extract().asString();
        assertTrue(PATIENT_ID.matcher(auditorPage).find());
    }

    @Test
    void patientLevelReadsAreInTheAccessLogForAdmins() {
        String claim = run.findings().get(3).claimId();
        Fixtures.auditor().get("/api/encounters/" + claim).then().statusCode(200)
                .body("claimId", equalTo(claim))
                .body("patientId", equalTo(run.findings().get(3).patientId()));
        Fixtures.admin().queryParam("claimId", claim).get("/api/access-log").then().statusCode(200)
                .body("username", hasItem(Fixtures.AUDITOR))
                .body("action", hasItem("encounter.read"));
        Fixtures.auditor().queryParam("runId", run.runId()).queryParam("size", 5).get("/api/findings").then().statusCode(200);
        Fixtures.admin().queryParam("username", Fixtures.AUDITOR).get("/api/access-log").then().statusCode(200)
                .body("action", hasItem("findings.page"));
    }

    @Test
    void securityHeadersAndNoCors() {
        Fixtures.finance().header("Origin", "http://evil.example").get("/api/summary").then().statusCode(200)
                .header("X-Content-Type-Options", "nosniff")
                .header("X-Frame-Options", "DENY")
                .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                .header("Referrer-Policy", "no-referrer")
                .header("Access-Control-Allow-Origin", (String) null);
    }

    @Test
    void adminManagesUsersAndNewUsersCanLogIn() {
        Fixtures.admin().contentType("application/json")
                .body("{\"username\":\"carol\",\"roles\":[\"finance\"],\"password\":\"carol-pass-1\"}")
                .post("/api/users").then().statusCode(201).body("roles", hasItem("finance"));
        Fixtures.as("carol", "carol-pass-1").get("/api/me").then().statusCode(200).body("roles", hasItem("finance"));
        Fixtures.admin().contentType("application/json").body("{\"username\":\"dave\",\"roles\":[\"root\"],\"password\":\"dave-pass-1\"}")
                .post("/api/users").then().statusCode(400).contentType("application/problem+json").body("field", equalTo("roles"));
        Fixtures.admin().contentType("application/json").body("{\"username\":\"erin\",\"roles\":[\"auditor\"],\"password\":\"short\"}")
                .post("/api/users").then().statusCode(400).body("field", equalTo("password"));
        Fixtures.admin().delete("/api/users/carol").then().statusCode(204);
        Fixtures.as("carol", "carol-pass-1").get("/api/me").then().statusCode(401);
        String list = Fixtures.admin().get("/api/users").then().statusCode(200).extract().asString();
        assertFalse(list.contains("$2a$") || list.contains("password"), "password hashes never leave the server");
    }
}
