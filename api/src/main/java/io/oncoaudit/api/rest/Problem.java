package io.oncoaudit.api.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.ws.rs.core.Response;

/** RFC 7807 problem details; {@code field} names the request field at fault so a person knows what to fix. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String field) {
    public static final String MEDIA_TYPE = "application/problem+json";

    public static Response response(int status, String title, String field, String detail) {
        return Response.status(status).type(MEDIA_TYPE)
                .entity(new Problem("about:blank", title, status, detail, field)).build();
    }
}
