package io.oncoaudit.api.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.oncoaudit.api.load.LoadException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Every error of the API as RFC 7807 application/problem+json naming the field at fault. */
public class ProblemMappers {
    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        return Problem.response(e.status(), e.title(), e.field(), e.getMessage());
    }

    /** Service-level validation: messages are written "field: what to do". */
    @ServerExceptionMapper
    public Response illegalArgument(IllegalArgumentException e) {
        String msg = e.getMessage() == null ? "invalid request" : e.getMessage();
        int colon = msg.indexOf(": ");
        String field = colon > 0 && msg.substring(0, colon).matches("[A-Za-z0-9_.\\[\\]]+") ? msg.substring(0, colon) : null;
        return Problem.response(400, "Invalid request", field, msg);
    }

    @ServerExceptionMapper
    public Response load(LoadException e) {
        return Problem.response(422, "Run cannot be loaded", "dir", e.getMessage());
    }

    @ServerExceptionMapper
    public Response json(JsonProcessingException e) {
        String field = null;
        if (e instanceof MismatchedInputException m && !m.getPath().isEmpty()) {
            field = m.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining("."));
        }
        String detail = e instanceof InvalidFormatException ? "value has the wrong type" : "request body is not valid JSON";
        return Problem.response(400, "Invalid request body", field, detail + ": " + e.getOriginalMessage());
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e) {
        return Problem.response(404, "Not found", null, "no resource at this path");
    }

    @ServerExceptionMapper(priority = 5000)
    public Response web(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        if (status == 401 || status == 403) return e.getResponse();
        return Problem.response(status, e.getResponse().getStatusInfo().getReasonPhrase(), null, e.getMessage());
    }

    /** Quarkus security's own mappers (401 with challenge, 403) are closer in type and win over this one. */
    @ServerExceptionMapper(priority = 6000)
    public Response unexpected(RuntimeException e) {
        if (e instanceof WebApplicationException w) return web(w);
        LOG.error("unexpected error", e);
        return Problem.response(500, "Internal error", null, "the server failed; the log has the details");
    }
}
