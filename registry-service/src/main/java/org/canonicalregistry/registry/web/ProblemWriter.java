package org.canonicalregistry.registry.web;

import java.io.IOException;
import java.net.URI;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.canonicalregistry.registry.problem.RegistryException;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a problem document straight to a servlet response, for the places that run outside Spring MVC's
 * exception resolution (the size filter, the security filter chain, the container's error dispatch). Uses the application's
 * {@link JsonMapper}, so the document looks exactly like the ones {@link ProblemAdvice} returns.
 */
@Component
public class ProblemWriter {

    /**
     * Request attribute a filter sets with a plain-language reason before {@code sendError}, so the console's error
     * page can say why a request was refused (the problem JSON keeps its standard detail).
     */
    public static final String REFUSAL_REASON_ATTRIBUTE = ProblemWriter.class.getName() + ".refusalReason";

    private final JsonMapper json;

    ProblemWriter(JsonMapper json) {
        this.json = json;
    }

    /**
     * Writes {@code failure} as a problem document (status, type, title, detail and extension members), unless the
     * response is already committed. Headers already set on the response (e.g. {@code WWW-Authenticate}) are kept.
     */
    public void write(HttpServletRequest request, HttpServletResponse response, RegistryException failure)
            throws IOException {
        ProblemDetail problem = ProblemAdvice.problem(failure.problemType(), failure.detail());
        failure.extensions().forEach(problem::setProperty);
        write(request, response, problem);
    }

    void write(HttpServletRequest request, HttpServletResponse response, ProblemDetail problem) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        if (problem.getInstance() == null) {
            problem.setInstance(URI.create(ProblemAdvice.instancePath(request.getRequestURI())));
        }
        byte[] body = json.writeValueAsBytes(problem);
        response.resetBuffer();
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
        response.flushBuffer();
    }
}
