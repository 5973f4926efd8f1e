package io.oncoaudit.api;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.oncoaudit.api.load.RunLoader;
import io.oncoaudit.api.support.LocalOidcProvider;
import io.oncoaudit.api.support.RunFixture;
import io.oncoaudit.api.support.ZonkyDatabase;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.io.PrintStream;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * OIDC when configured (issue 5, section 4): only {@code oncoaudit.oidc.auth-server-url} (as
 * ONCOAUDIT_OIDC_AUTH_SERVER_URL would set it), client id and role claim are given, pointing at a local
 * provider (discovery + JWKS on 127.0.0.1); tokens are signed here with its key. Without these settings
 * the other test classes run with OIDC off and HTTP Basic only.
 */
@QuarkusTest
@TestProfile(OidcTests.WithProvider.class)
class OidcTests {
    private static final Pattern PATIENT_ID = Pattern.compile("PT\\d{6}");

    public static class WithProvider implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(LocalOidcProvider.class));
        }

        @Override
        public String getConfigProfile() {
            return "test";
        }
    }

    @Inject
    RunLoader loader;

    @ConfigProperty(name = "test.oidc.private-jwk")
    String privateJwk;

    @ConfigProperty(name = "test.oidc.issuer")
    String issuer;

    @ConfigProperty(name = "quarkus.oidc.tenant-enabled")
    boolean tenantEnabled;

    private static RunFixture.Run run;

    @BeforeEach
    void loadOnce() throws Exception {
        if (run != null) return;
        run = RunFixture.write(Files.createTempDirectory("oncoaudit-run-oidc"), "oidc", "fp-oidc-" + UUID.randomUUID(), 60, 5);
        loader.load(run.dir(), "test", new PrintStream(System.err, true));
    }

    @Test
    void aProviderUrlSwitchesTheTenantOn() {
        assertTrue(tenantEnabled, "quarkus.oidc.tenant-enabled follows oncoaudit.oidc.auth-server-url");
    }

    @Test
    void financeTokenSeesAggregatesButNoPatient() throws Exception {
        RequestSpecification finance = bearer(token("fiona", List.of("oncoaudit-finance", "offline_access"), 300, signingKey()));
        finance.get("/api/me").then().statusCode(200)
                .body("username", equalTo("fiona")).body("roles", contains("finance"));
        String summary = bearer(token("fiona", List.of("oncoaudit-finance"), 300, signingKey()))
                .get("/api/summary?by=payer").then().statusCode(200).extract().asString();
        String page = bearer(token("fiona", List.of("oncoaudit-finance"), 300, signingKey()))
                .queryParam("runId", run.runId()).queryParam("size", 200).get("/api/findings").then().statusCode(200).extract().asString();
        for (String body : List.of(summary, page)) {
            assertFalse(PATIENT_ID.matcher(body).find(), "a finance response holds a patient id");
            assertFalse(body.contains("patientId"), "a finance response names a patient field");
        }
        assertTrue(page.contains(run.findings().get(0).claimId()));
        bearer(token("fiona", List.of("oncoaudit-finance"), 300, signingKey()))
                .get("/api/encounters/" + run.findings().get(0).claimId()).then().statusCode(403);
    }

    @Test
    void auditorAndAdminRolesAreMapped() throws Exception {
        bearer(token("audrey", List.of("oncoaudit-auditor"), 300, signingKey()))
                .get("/api/encounters/" + run.findings().get(0).claimId()).then().statusCode(200)
                .body("patientId", equalTo(run.findings().get(0).patientId()));
        bearer(token("adam", List.of("oncoaudit-admin"), 300, signingKey()))
                .get("/api/me").then().statusCode(200).body("roles", containsInAnyOrder("admin", "auditor", "finance"));
        // a provider role the mapping does not name grants nothing
        bearer(token("otto", List.of("offline_access", "uma_authorization"), 300, signingKey()))
                .get("/api/summary?by=payer").then().statusCode(403);
    }

    @Test
    void badTokensGet401() throws Exception {
        bearer(token("fiona", List.of("oncoaudit-finance"), -120, signingKey())).get("/api/summary?by=payer").then().statusCode(401);
        RsaJsonWebKey stranger = RsaJwkGenerator.generateJwk(2048);
        stranger.setKeyId("test-key-1");
        bearer(token("fiona", List.of("oncoaudit-finance"), 300, stranger)).get("/api/summary?by=payer").then().statusCode(401);
        bearer(unsigned("fiona", List.of("oncoaudit-finance"))).get("/api/summary?by=payer").then().statusCode(401);
        bearer("not-a-token").get("/api/summary?by=payer").then().statusCode(401);
        RestAssured.get("/api/summary?by=payer").then().statusCode(401);
    }

    @Test
    void basicLoginStillWorksBesideOidc() {
        RestAssured.given().auth().preemptive().basic("admin", ZonkyDatabase.ADMIN_PASSWORD)
                .get("/api/summary?by=kind").then().statusCode(200);
        RestAssured.given().auth().preemptive().basic("admin", "wrong-" + UUID.randomUUID())
                .get("/api/summary?by=kind").then().statusCode(401);
    }

    private RsaJsonWebKey signingKey() throws Exception {
        return (RsaJsonWebKey) JsonWebKey.Factory.newJwk(privateJwk);
    }

    private static RequestSpecification bearer(String token) {
        return RestAssured.given().header("Authorization", "Bearer " + token);
    }

    private JwtClaims claims(String user, List<String> roles, int validSeconds) {
        JwtClaims c = new JwtClaims();
        c.setIssuer(issuer);
        c.setSubject(UUID.randomUUID().toString());
        c.setClaim("preferred_username", user);
        c.setAudience("oncoaudit");
        c.setIssuedAt(NumericDate.fromSeconds(NumericDate.now().getValue() - 600));
        c.setExpirationTime(NumericDate.fromSeconds(NumericDate.now().getValue() + validSeconds));
        c.setClaim("realm_access", Map.of("roles", roles));
        return c;
    }

    private String token(String user, List<String> roles, int validSeconds, RsaJsonWebKey key) throws Exception {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims(user, roles, validSeconds).toJson());
        jws.setKey(key.getPrivateKey());
        jws.setKeyIdHeaderValue(key.getKeyId());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        return jws.getCompactSerialization();
    }

    private String unsigned(String user, List<String> roles) throws Exception {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims(user, roles, 300).toJson());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.NONE);
        jws.setAlgorithmConstraints(org.jose4j.jwa.AlgorithmConstraints.NO_CONSTRAINTS);
        jws.setKeyIdHeaderValue("test-key-1");
        return jws.getCompactSerialization();
    }
}
