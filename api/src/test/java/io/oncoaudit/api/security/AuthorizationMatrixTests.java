package io.oncoaudit.api.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.oncoaudit.api.load.RunLoader;
import io.oncoaudit.api.support.Fixtures;
import io.oncoaudit.api.support.RunFixture;
import io.oncoaudit.api.support.ZonkyDatabase;
import io.quarkus.security.Authenticated;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.io.File;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.net.URL;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Issue 17, tests in CI: an authorization matrix generated from the OpenAPI document (every operation x no
 * credentials, a wrong password, each role), checked against the roles the resource methods declare
 * (@RolesAllowed / @Authenticated / @PermitAll, read by reflection), and a finance crawl of every GET
 * operation with real ids for the run's patient identifiers.
 */
@QuarkusTest
@QuarkusTestResource(value = ZonkyDatabase.class, restrictToAnnotatedClass = false)
class AuthorizationMatrixTests {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> PUBLIC = Set.of("GET /api/session", "POST /api/session", "DELETE /api/session");

    @Inject
    RunLoader loader;

    @Inject
    UserService users;

    /** "METHOD /path/{param}" -> roles allowed (empty = any authenticated user; null = public). */
    private static Map<String, Set<String>> declaredRoles() throws Exception {
        Map<String, Set<String>> out = new TreeMap<>();
        for (Class<?> c : resourceClasses()) {
            Path classPath = c.getAnnotation(Path.class);
            for (Method m : c.getMethods()) {
                String verb = null;
                for (Annotation a : m.getAnnotations()) {
                    HttpMethod h = a.annotationType().getAnnotation(HttpMethod.class);
                    if (h != null) verb = h.value();
                }
                if (verb == null) continue;
                Path mp = m.getAnnotation(Path.class);
                String path = (classPath.value() + (mp == null ? "" : "/" + mp.value())).replaceAll("/+", "/")
                        .replaceAll("\\{\\s*([A-Za-z0-9_]+)\\s*:[^}]*}", "{$1}").replaceAll("/$", "");
                Set<String> roles;
                if (m.isAnnotationPresent(PermitAll.class)) roles = null;
                else if (m.isAnnotationPresent(RolesAllowed.class)) roles = Set.of(m.getAnnotation(RolesAllowed.class).value());
                else if (m.isAnnotationPresent(Authenticated.class)) roles = Set.of();
                else if (c.isAnnotationPresent(PermitAll.class)) roles = null;
                else if (c.isAnnotationPresent(RolesAllowed.class)) roles = Set.of(c.getAnnotation(RolesAllowed.class).value());
                else roles = Set.of(); // everything else needs a login (application.properties: /* authenticated)
                out.put(verb + " " + path, roles);
            }
        }
        return out;
    }

    private static List<Class<?>> resourceClasses() throws Exception {
        List<Class<?>> out = new ArrayList<>();
        ClassLoader cl = Thread.currentThread().getContextClassLoader();
        URL root = cl.getResource("io/oncoaudit/api/OncoauditMain.class");
        File base = new File(root.toURI()).getParentFile();
        scan(base, "io.oncoaudit.api", cl, out);
        return out;
    }

    private static void scan(File dir, String pkg, ClassLoader cl, List<Class<?>> out) throws Exception {
        File[] files = dir.listFiles();
        if (files == null) return;
        for (File f : files) {
            if (f.isDirectory()) scan(f, pkg + "." + f.getName(), cl, out);
            else if (f.getName().endsWith(".class") && !f.getName().contains("$")) {
                Class<?> c = Class.forName(pkg + "." + f.getName().replace(".class", ""), false, cl);
                if (c.isAnnotationPresent(Path.class)) out.add(c);
            }
        }
    }

    @Test
    void everyOperationOfTheOpenApiDocumentIsProtectedAsDeclared() throws Exception {
        Fixtures.users(users);
        Map<String, Set<String>> declared = declaredRoles();
        JsonNode doc = JSON.readTree(Fixtures.admin().get("/q/openapi?format=json").then().statusCode(200).extract().asString());
        Map<String, Function<Void, RequestSpecification>> callers = new TreeMap<>();
        callers.put("auditor", v -> Fixtures.auditor());
        callers.put("finance", v -> Fixtures.finance());
        callers.put("admin", v -> Fixtures.admin());
        int operations = 0;
        List<String> problems = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = doc.get("paths").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> p = it.next();
            if (!p.getKey().startsWith("/api/")) continue;
            for (Iterator<String> verbs = p.getValue().fieldNames(); verbs.hasNext(); ) {
                String verb = verbs.next().toUpperCase(Locale.ROOT);
                if (!Set.of("GET", "POST", "PUT", "PATCH", "DELETE").contains(verb)) continue;
                String op = verb + " " + p.getKey();
                operations++;
                assertTrue(declared.containsKey(op), op + " is in the OpenAPI document but no resource method declares it: " + declared.keySet());
                Set<String> roles = declared.get(op);
                String url = p.getKey().replaceAll("\\{id}", "999999").replaceAll("\\{[A-Za-z0-9_]+}", "no-such-thing");
                if (PUBLIC.contains(op)) {
                    assertTrue(roles == null, op + " is public by design and must say so (@PermitAll)");
                    continue;
                }
                assertTrue(roles != null, op + " is @PermitAll but not on the public list");
                String media = mediaType(p.getValue().get(verb.toLowerCase(Locale.ROOT)));
                int anonymous = call(RestAssured.given(), verb, url, media).statusCode();
                if (anonymous != 401) problems.add(op + " without credentials: " + anonymous);
                int wrong = call(Fixtures.as(Fixtures.AUDITOR, "wrong-" + operations), verb, url, media).statusCode();
                if (wrong != 401) problems.add(op + " with a wrong password: " + wrong);
                Fixtures.auditor().get("/api/me").then().statusCode(200); // a success clears the failure count
                for (var caller : callers.entrySet()) {
                    String role = caller.getKey();
                    boolean allowed = roles.isEmpty() || roles.contains(role) || role.equals("admin");
                    Response r = call(caller.getValue().apply(null), verb, url, mediaType(p.getValue().get(verb.toLowerCase(Locale.ROOT))));
                    int s = r.statusCode();
                    if (s >= 500) problems.add(op + " as " + role + ": " + s + " " + r.asString());
                    else if (allowed && (s == 401 || s == 403)) problems.add(op + " as " + role + ": " + s + ", declared " + roles);
                    else if (!allowed && s != 403) problems.add(op + " as " + role + ": " + s + ", expected 403 (declared " + roles + ")");
                }
            }
        }
        assertTrue(operations >= 15, "the OpenAPI document lists " + operations + " operations");
        assertEquals(List.of(), problems);
    }

    /** The request body's media type the operation declares (JSON when it declares none). */
    private static String mediaType(JsonNode operation) {
        JsonNode content = operation == null ? null : operation.path("requestBody").path("content");
        return content != null && content.fieldNames().hasNext() ? content.fieldNames().next() : "application/json";
    }

    private static Response call(RequestSpecification spec, String verb, String url, String media) {
        RequestSpecification s = spec.redirects().follow(false);
        if (!verb.equals("GET") && !verb.equals("DELETE")) {
            s = s.contentType(media).body(media.contains("json") ? "{}" : "x");
        }
        return s.request(verb, url);
    }

    @Test
    void financeCrawlOfEveryGetOperationShowsNoPatientIdentifier() throws Exception {
        Fixtures.users(users);
        RunFixture.Run run = Fixtures.run(loader, "crawl", 80, 23);
        RunFixture.Finding f = run.findings().get(0);
        int campaign = Fixtures.auditor().contentType("application/json")
                .body(Map.of("name", "Crawl " + f.payerId(), "filter", Map.of("runId", run.runId(), "payerId", f.payerId())))
                .post("/api/campaigns").then().statusCode(201).extract().path("id");
        JsonNode doc = JSON.readTree(Fixtures.admin().get("/q/openapi?format=json").then().statusCode(200).extract().asString());
        Map<String, String> values = Map.of("id", Integer.toString(campaign), "claimId", f.claimId(), "runId", run.runId(),
                "username", Fixtures.FINANCE, "payerId", f.payerId());
        int crawled = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = doc.get("paths").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> p = it.next();
            if (!p.getKey().startsWith("/api/") || !p.getValue().has("get")) continue;
            String url = p.getKey();
            for (var v : values.entrySet()) url = url.replace("{" + v.getKey() + "}", v.getValue());
            url = url.replaceAll("\\{[A-Za-z0-9_]+}", "x");
            for (String q : new String[] {"", "?runId=" + run.runId(), "?runId=" + run.runId() + "&size=1000&by=provider"}) {
                Response r = Fixtures.finance().get(url + q);
                crawled++;
                String body = r.asString();
                assertTrue(r.statusCode() < 500, url + q + ": " + r.statusCode() + " " + body);
                for (String patient : run.patientIds()) {
                    assertFalse(body.contains(patient), "finance reads patient id " + patient + " at " + url + q);
                }
            }
        }
        assertTrue(crawled >= 30, "crawled " + crawled + " responses");
        // the same crawl can fail: an auditor's findings page does show the run's patient ids
        String auditorPage = Fixtures.auditor().get("/api/findings?runId=" + run.runId()).then().statusCode(200).extract().asString();
        assertTrue(run.patientIds().stream().anyMatch(auditorPage::contains));
    }
}
