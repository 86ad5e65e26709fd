package org.canonicalregistry.registry.web;

import java.io.IOException;
import java.net.URI;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

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
    ModelAndView error(HttpServletRequest request, HttpServletResponse response) throws IOException {
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
        if (wantsPage(request, path)) {
            return consolePage(request, problem);
        }
        problems.write(request, response, problem);
        return null;
    }

    /** A browser on a console path gets a page; the API and every non-HTML client keep getting problem JSON. */
    private static boolean wantsPage(HttpServletRequest request, String path) {
        if (path.startsWith("/api/") || path.startsWith("/actuator/")) {
            return false;
        }
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        return accept != null && MediaType.parseMediaTypes(accept).stream()
                .anyMatch(m -> m.isCompatibleWith(MediaType.TEXT_HTML) && !m.isWildcardType());
    }

    /** The console's error page: the problem's title and, for refusals the console explains, its reason. */
    private static ModelAndView consolePage(HttpServletRequest request, ProblemDetail problem) {
        ModelAndView page = new ModelAndView("console/error", HttpStatusCode.valueOf(problem.getStatus()));
        page.addObject("status", problem.getStatus());
        page.addObject("title", problem.getTitle());
        Object refusal = request.getAttribute(ProblemWriter.REFUSAL_REASON_ATTRIBUTE);
        page.addObject("detail", refusal instanceof String reason ? reason : problem.getDetail());
        return page;
    }
}
