package io.oncoaudit.api.security;

import static org.hamcrest.Matchers.containsStringIgnoringCase;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.oncoaudit.api.support.Fixtures;
import io.oncoaudit.api.support.ZonkyDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/**
 * Issue 17, hole 7: the dashboard signs in to a server session (HttpOnly, SameSite=Strict cookie, CSRF
 * token for state-changing requests, real logout); Basic keeps working for scripts without a token, and
 * an unauthenticated /api/* request is still a 401, never a redirect. Before the fix (by reading the
 * code) there was no /api/session and the dashboard kept Basic credentials in sessionStorage.
 */
@QuarkusTest
@QuarkusTestResource(value = ZonkyDatabase.class, restrictToAnnotatedClass = false)
class SessionLoginTests {
    @Inject
    UserService users;

    private static Response signIn(String user, String password) {
        return RestAssured.given().contentType("application/json")
                .body("{\"username\":\"" + user + "\",\"password\":\"" + password + "\"}").post("/api/session");
    }

    @Test
    void signInSetsAStrictHttpOnlyCookieAndSessionRequestsNeedTheCsrfToken() {
        Fixtures.users(users);
        Response bad = signIn(Fixtures.AUDITOR, "not-the-password");
        assertEquals(401, bad.statusCode());
        assertTrue(bad.contentType().startsWith("application/problem+json"));
        assertNull(bad.getCookie(Sessions.COOKIE), "no session for a refused login");

        Response ok = signIn(Fixtures.AUDITOR, Fixtures.AUDITOR_PASSWORD);
        assertEquals(200, ok.statusCode(), ok.asString());
        String setCookie = ok.header("Set-Cookie");
        assertTrue(setCookie.toLowerCase(java.util.Locale.ROOT).contains("httponly"), setCookie);
        assertTrue(setCookie.contains("SameSite=Strict"), setCookie);
        assertTrue(setCookie.contains("Path=/"), setCookie);
        assertFalse(setCookie.contains("Secure"), "plain HTTP: not Secure (Secure over HTTPS): " + setCookie);
        assertFalse(ok.asString().contains(Fixtures.AUDITOR_PASSWORD));
        String session = ok.getCookie(Sessions.COOKIE);
        String csrf = ok.path("csrfToken");
        assertTrue(csrf != null && csrf.length() >= 32);
        assertEquals(Fixtures.AUDITOR, ok.path("username"));

        RestAssured.given().cookie(Sessions.COOKIE, session).get("/api/me").then().statusCode(200)
                .body("username", equalTo(Fixtures.AUDITOR)).body("roles", hasItem("auditor"));
        RestAssured.given().cookie(Sessions.COOKIE, session).get("/api/session").then().statusCode(200)
                .body("csrfToken", equalTo(csrf));

        // a state-changing request with the cookie alone (what a cross-site form could send) is refused
        RestAssured.given().cookie(Sessions.COOKIE, session).contentType("application/json").body("[]")
                .post("/api/recode").then().statusCode(403).contentType("application/problem+json")
                .body("field", equalTo(Sessions.CSRF_HEADER));
        RestAssured.given().cookie(Sessions.COOKIE, session).header(Sessions.CSRF_HEADER, "forged").contentType("application/json")
                .body("[]").post("/api/recode").then().statusCode(403);
        RestAssured.given().cookie(Sessions.COOKIE, session).header(Sessions.CSRF_HEADER, csrf).contentType("application/json")
                .body("[]").post("/api/recode").then().statusCode(200);
        // scripts: HTTP Basic needs no token
        Fixtures.auditor().contentType("application/json").body("[]").post("/api/recode").then().statusCode(200);

        // a real logout: the server forgets the session, the old cookie no longer works
        RestAssured.given().cookie(Sessions.COOKIE, session).delete("/api/session").then().statusCode(403);
        Response out = RestAssured.given().cookie(Sessions.COOKIE, session).header(Sessions.CSRF_HEADER, csrf).delete("/api/session");
        assertEquals(204, out.statusCode());
        assertTrue(out.header("Set-Cookie").contains("Max-Age=0"), out.header("Set-Cookie"));
        RestAssured.given().cookie(Sessions.COOKIE, session).get("/api/me").then().statusCode(401);
    }

    @Test
    void unauthenticatedApiRequestsGet401NeverARedirect() {
        RestAssured.given().redirects().follow(false).get("/api/findings").then().statusCode(401)
                .header("WWW-Authenticate", containsStringIgnoringCase("basic realm"));
        // the dashboard's own requests: a bare 401, so the browser opens no login dialog of its own
        RestAssured.given().redirects().follow(false).header("X-Requested-With", "oncoaudit").get("/api/findings")
                .then().statusCode(401).header("WWW-Authenticate", (String) null);
        RestAssured.given().redirects().follow(false).cookie(Sessions.COOKIE, "not-a-session").get("/api/summary")
                .then().statusCode(401);
        RestAssured.given().redirects().follow(false).get("/api/session").then().statusCode(401);
    }

    @Test
    void changingAPasswordEndsTheUsersSessions() {
        Fixtures.users(users);
        users.add("sess-carol", java.util.Set.of(Role.FINANCE), "carol-password-1");
        Response ok = signIn("sess-carol", "carol-password-1");
        String session = ok.getCookie(Sessions.COOKIE);
        RestAssured.given().cookie(Sessions.COOKIE, session).get("/api/me").then().statusCode(200);
        users.setPassword("sess-carol", "carol-password-2");
        RestAssured.given().cookie(Sessions.COOKIE, session).get("/api/me").then().statusCode(401);
        assertEquals(200, signIn("sess-carol", "carol-password-2").statusCode());
        RestAssured.given().contentType("application/json").body("{\"username\":\"x\"}").post("/api/session")
                .then().statusCode(400).body("field", equalTo("password")).body("detail", notNullValue());
    }
}
