package io.oncoaudit.api.rest;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Issue 17: a NUL or other control character in a path segment or a query parameter is refused with
 * 400 problem+json naming the parameter (PostgreSQL cannot store NUL in text, so it used to end as a 500).
 */
public class InputGuard {
    @ServerRequestFilter
    public Response check(ContainerRequestContext ctx) {
        for (Map.Entry<String, List<String>> e : ctx.getUriInfo().getPathParameters(true).entrySet()) {
            for (String v : e.getValue()) {
                if (hasControl(v)) {
                    return Problem.response(400, "Bad Request", e.getKey(), e.getKey() + " holds a control character (e.g. NUL), which no identifier contains");
                }
            }
        }
        MultivaluedMap<String, String> query = ctx.getUriInfo().getQueryParameters(true);
        for (Map.Entry<String, List<String>> e : query.entrySet()) {
            String name = e.getKey();
            if (hasControl(name)) return Problem.response(400, "Bad Request", "query", "a query parameter name holds a control character");
            for (String v : e.getValue()) {
                if (hasControl(v)) {
                    return Problem.response(400, "Bad Request", name, name + " holds a control character (e.g. NUL); remove it");
                }
            }
        }
        return null;
    }

    static boolean hasControl(String s) {
        if (s == null) return false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == 0x7f) return true;
        }
        return false;
    }
}
