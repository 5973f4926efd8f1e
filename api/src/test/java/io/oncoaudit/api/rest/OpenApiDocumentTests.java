package io.oncoaudit.api.rest;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.oncoaudit.api.security.UserService;
import io.oncoaudit.api.support.Fixtures;
import io.oncoaudit.api.support.ZonkyDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI document describes every operation under /api: a summary, a 2xx response with a schema (a DTO record, or
 * a binary string for files), and the values of every enumerated parameter. A new endpoint without them fails here.
 */
@QuarkusTest
@QuarkusTestResource(value = ZonkyDatabase.class, restrictToAnnotatedClass = false)
class OpenApiDocumentTests {
    /** Query parameters that take one of a fixed list of values. */
    static final Set<String> ENUMERATED = Set.of("by", "direction", "sort", "order", "group", "state", "include", "bom", "total");

    @Inject
    UserService users;

    @Test
    void everyApiOperationHasASummaryAResponseSchemaAndItsEnums() throws Exception {
        Fixtures.users(users);
        JsonNode doc = new ObjectMapper().readTree(Fixtures.auditor().queryParam("format", "json").get("/q/openapi")
                .then().statusCode(200).extract().asString());
        List<String> faults = new ArrayList<>();
        int operations = 0;
        for (Iterator<Map.Entry<String, JsonNode>> paths = doc.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            if (!path.getKey().startsWith("/api")) continue;
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                if (!Set.of("get", "post", "put", "patch", "delete").contains(op.getKey())) continue;
                operations++;
                String name = op.getKey().toUpperCase() + " " + path.getKey();
                if (op.getValue().path("summary").asText("").isBlank()) faults.add(name + ": no summary");
                boolean schema = false;
                for (Iterator<Map.Entry<String, JsonNode>> rs = op.getValue().path("responses").fields(); rs.hasNext(); ) {
                    Map.Entry<String, JsonNode> r = rs.next();
                    if (!r.getKey().startsWith("2")) continue;
                    if (r.getKey().equals("204")) schema = true; // no content, nothing to describe
                    for (JsonNode media : r.getValue().path("content")) {
                        JsonNode s = media.path("schema");
                        if (s.has("$ref") || s.has("type") || s.has("oneOf") || s.has("items")) schema = true;
                    }
                }
                if (!schema) faults.add(name + ": no 2xx response with a schema");
                for (JsonNode p : op.getValue().path("parameters")) {
                    String param = p.path("name").asText();
                    if (ENUMERATED.contains(param) && !p.path("schema").path("enum").isArray()) {
                        faults.add(name + ": parameter " + param + " does not list its values");
                    }
                }
            }
        }
        assertTrue(operations >= 40, "the API's operations are in the document: " + operations);
        assertTrue(faults.isEmpty(), faults.size() + " faults:\n" + String.join("\n", faults));
        // the filters carry examples
        JsonNode findings = doc.path("paths").path("/api/findings").path("get").path("parameters");
        boolean example = false;
        for (JsonNode p : findings) if (p.path("name").asText().equals("payerId") && p.has("example")) example = true;
        assertTrue(example, "payerId has an example: " + findings);
    }
}
