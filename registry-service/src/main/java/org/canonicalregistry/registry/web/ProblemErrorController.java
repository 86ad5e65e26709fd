package org.canonicalregistry.registry.web;

import java.io.IOException;
import java.net.URI;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * Replaces Spring Boot's whitelabel/JSON error endpoint, so that failures which never reach a controller
 * (a filter throwing, the container rejecting a request) are problem documents too. The original exception is
 * logged, never echoed.
 */
@Controller
class ProblemErrorController implements ErrorController {

    private final ProblemWriter problems;

    ProblemErrorController(ProblemWriter problems) {
        this.problems = problems;
    }

    @RequestMapping("${server.error.path:/error}")
    void error(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer value ? value : HttpStatus.INTERNAL_SERVER_ERROR.value();
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String path = ProblemAdvice.instancePath(uri instanceof String value ? value : request.getRequestURI());
        Throwable failure = (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);

        ProblemDetail problem;
        RequestBodyTooLargeException tooLarge = ProblemAdvice.causeOf(failure, RequestBodyTooLargeException.class);
        if (tooLarge != null) {
            problem = ProblemAdvice.payloadTooLarge(
                    "Request body exceeds the limit of " + tooLarge.limit() + " bytes.", tooLarge.limit());
        } else if (status >= 500 || failure != null) {
            problem = ProblemAdvice.internalError(failure, request.getMethod() + " " + path);
        } else {
            var type = ProblemAdvice.forStatus(status);
            problem = type != null ? ProblemAdvice.problem(type, null) : ProblemDetail.forStatus(status);
        }
        problem.setInstance(URI.create(path));
        problems.write(request, response, problem);
    }
}
