package io.oncoaudit.api.appeals;

import io.oncoaudit.api.appeals.state.IllegalTransitionException;
import io.oncoaudit.api.rest.Problem;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** An illegal claim state change: 409 problem+json naming the transition and the states allowed instead. */
public class AppealsProblems {

    @ServerExceptionMapper
    public Response illegalTransition(IllegalTransitionException e) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", "Illegal state transition");
        body.put("status", 409);
        body.put("detail", e.getMessage());
        body.put("field", "state");
        body.put("claimId", e.claimId());
        body.put("transition", e.transition());
        body.put("from", e.from().wire());
        body.put("to", e.to().wire());
        body.put("allowed", e.from().next().stream().map(s -> s.wire()).toList());
        return Response.status(409).type(Problem.MEDIA_TYPE).entity(body).build();
    }
}
