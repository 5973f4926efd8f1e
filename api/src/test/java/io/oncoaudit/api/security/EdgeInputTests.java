package io.oncoaudit.api.security;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.oncoaudit.api.support.Fixtures;
import io.oncoaudit.api.support.ZonkyDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/**
 * Issue 17, hole 6 (API side). Seen failing before the fix: a NUL in a path or filter parameter and
 * minAmount=1e308 answered 500; a 21 MB body got a 413 that was not problem+json.
 */
@QuarkusTest
@QuarkusTestResource(value = ZonkyDatabase.class, restrictToAnnotatedClass = false)
class EdgeInputTests {
    @Inject
    UserService users;

    @Test
    void aNulInAPathOrFilterParameterIsA400NamingIt() {
        Fixtures.users(users);
        Fixtures.auditor().urlEncodingEnabled(false).get("/api/encounters/C-1%00x").then().statusCode(400)
                .contentType("application/problem+json").body("field", equalTo("claimId"));
        Fixtures.auditor().urlEncodingEnabled(false).get("/api/findings?payerId=UHC%00").then().statusCode(400)
                .contentType("application/problem+json").body("field", equalTo("payerId"));
        Fixtures.finance().urlEncodingEnabled(false).get("/api/summary?by=payer&billingNpi=%00").then().statusCode(400)
                .contentType("application/problem+json").body("field", equalTo("billingNpi"));
    }

    @Test
    void absurdNumbersAndDatesAreA400NamingTheField() {
        Fixtures.users(users);
        Fixtures.auditor().queryParam("minAmount", "1e308").get("/api/findings").then().statusCode(400)
                .contentType("application/problem+json").body("field", equalTo("minAmount"));
        Fixtures.auditor().queryParam("maxAmount", "-1e308").get("/api/findings").then().statusCode(400)
                .body("field", equalTo("maxAmount"));
        Fixtures.auditor().queryParam("minAmount", "0.0000001").get("/api/findings").then().statusCode(400)
                .body("field", equalTo("minAmount"));
        Fixtures.auditor().queryParam("from", "+999999999-01-01").get("/api/findings").then().statusCode(400)
                .body("field", equalTo("from"));
        Fixtures.auditor().queryParam("minAmount", "12.50").get("/api/findings").then().statusCode(200);
    }

    @io.quarkus.test.common.http.TestHTTPResource("/")
    java.net.URI base;

    @Test
    void aBodyOverTwentyMegabytesIsA413ProblemJson() throws Exception {
        Fixtures.users(users);
        // the server answers on the headers: the client need not send 21 MB first
        try (java.net.Socket s = new java.net.Socket(base.getHost(), base.getPort())) {
            s.setSoTimeout(10_000);
            String auth = java.util.Base64.getEncoder().encodeToString((Fixtures.AUDITOR + ":" + Fixtures.AUDITOR_PASSWORD).getBytes());
            s.getOutputStream().write(("POST /api/recode HTTP/1.1\r\nHost: " + base.getHost() + "\r\nAuthorization: Basic " + auth
                    + "\r\nContent-Type: application/json\r\nContent-Length: " + (21 * 1024 * 1024) + "\r\n\r\n[")
                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            s.getOutputStream().flush();
            StringBuilder got = new StringBuilder();
            java.io.InputStream in = s.getInputStream();
            byte[] buf = new byte[4096];
            while (!(got.indexOf("\r\n\r\n") > 0 && got.toString().trim().endsWith("}"))) {
                int n = in.read(buf);
                if (n < 0) break;
                got.append(new String(buf, 0, n, java.nio.charset.StandardCharsets.UTF_8));
            }
            String response = got.toString();
            org.junit.jupiter.api.Assertions.assertTrue(response.startsWith("HTTP/1.1 413"), response);
            org.junit.jupiter.api.Assertions.assertTrue(response.toLowerCase(java.util.Locale.ROOT).contains("content-type: application/problem+json"), response);
            org.junit.jupiter.api.Assertions.assertTrue(response.contains("\"status\":413") && response.contains("limit"), response);
        }
    }
}
