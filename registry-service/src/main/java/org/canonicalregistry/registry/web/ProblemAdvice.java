package org.canonicalregistry.registry.web;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;

import org.canonicalregistry.registry.problem.ProblemType;
import org.canonicalregistry.registry.problem.RegistryException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * The one place where failures become HTTP answers: every error of every endpoint leaves as an RFC 9457
 * {@code application/problem+json} document whose {@code type} is a stable {@link ProblemType} URI.
 *
 * <p>Domain errors ({@link RegistryException}) carry their type and extension members. Spring MVC's own
 * failures (unknown path, wrong method, unreadable body, bad {@code Content-Type} or {@code Accept}) are mapped
 * by status. Anything unexpected is logged here with a random id and answered {@code 500 internal-error} that
 * names only that id: no stack trace, exception class or message reaches the client.
 */
@RestControllerAdvice
class ProblemAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);
    private static final Pattern JACKSON_LIMIT = Pattern.compile("maximum allowed \\((\\d+)");

    // ---------------------------------------------------------------- domain errors

    @ExceptionHandler(RegistryException.class)
    ResponseEntity<Object> registryError(RegistryException ex, WebRequest request) {
        if (ex.problemType().status() >= 500) {
            // A domain-level "should not happen": the operator needs the detail, the client only the id.
            return respond(internalError(ex, request), new HttpHeaders(), request);
        }
        ProblemDetail problem = problem(ex.problemType(), ex.getMessage());
        ex.extensions().forEach(problem::setProperty);
        HttpHeaders headers = new HttpHeaders();
        if (ex.problemType() == ProblemType.UNAUTHORIZED) {
            // RFC 9110 §15.5.2: a 401 names the scheme that would authenticate.
            headers.set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        }
        return respond(problem, headers, request);
    }

    /** Method validation outside MVC's own (AOP on {@code @Validated} beans): bad path or query parameters. */
    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<Object> constraintViolation(ConstraintViolationException ex, WebRequest request) {
        List<String> messages = new ArrayList<>();
        for (ConstraintViolation<?> violation : ex.getConstraintViolations()) {
            messages.add(lastNode(violation.getPropertyPath().toString()) + " " + violation.getMessage()
                    + " (was " + RegistryException.quoted(String.valueOf(violation.getInvalidValue())) + ")");
        }
        return respond(problem(ProblemType.MALFORMED_REQUEST, "Invalid request parameter: "
                + String.join("; ", messages.stream().sorted().toList()) + "."), new HttpHeaders(), request);
    }

    /** Last resort: log with an id the operator can grep for, answer without internals. */
    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception ex, WebRequest request) {
        RequestBodyTooLargeException tooLarge = causeOf(ex, RequestBodyTooLargeException.class);
        if (tooLarge != null) {
            return respond(tooLarge(tooLarge), new HttpHeaders(), request);
        }
        return respond(internalError(ex, request), new HttpHeaders(), request);
    }

    // ---------------------------------------------------------------- Spring MVC's failures

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return respond(unreadable(ex), headers, request);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> errors = new ArrayList<>();
        for (FieldError error : ex.getBindingResult().getFieldErrors()) {
            errors.add(Map.of("pointer", pointerOf(error.getField()),
                    "message", String.valueOf(error.getDefaultMessage())));
        }
        ex.getBindingResult().getGlobalErrors().forEach(error ->
                errors.add(Map.of("pointer", "", "message", String.valueOf(error.getDefaultMessage()))));
        errors.sort((a, b) -> a.get("pointer").compareTo(b.get("pointer")));
        List<String> each = errors.stream().map(e -> "'" + e.get("pointer") + "' " + e.get("message")).toList();
        ProblemDetail problem = problem(ProblemType.VALIDATION_FAILED,
                "The request body breaks the API contract: " + String.join("; ", each) + ".");
        problem.setProperty("errors", errors);
        return respond(problem, headers, request);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<String> messages = new ArrayList<>();
        ex.getParameterValidationResults().forEach(result -> {
            String name = result.getMethodParameter().getParameterName();
            for (MessageSourceResolvable error : result.getResolvableErrors()) {
                messages.add("'" + name + "' " + error.getDefaultMessage()
                        + " (was " + RegistryException.quoted(String.valueOf(result.getArgument())) + ")");
            }
        });
        return respond(problem(ProblemType.MALFORMED_REQUEST,
                "Invalid request parameter: " + String.join("; ", messages) + "."), headers, request);
    }

    @Override
    protected ResponseEntity<Object> handleNoResourceFoundException(NoResourceFoundException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return respond(problem(ProblemType.NOT_FOUND,
                "No resource at " + instancePath(request) + "."), headers, request);
    }

    /** Every other Spring MVC failure arrives here with Spring's own problem body; we only fix its type. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = body instanceof ProblemDetail detail ? detail
                : ex instanceof ErrorResponse response ? response.getBody()
                : ProblemDetail.forStatus(status);
        if (status.is5xxServerError()) {
            return respond(internalError(ex, request), headers, request);
        }
        ProblemType type = forStatus(status.value());
        if (type != null) {
            problem.setType(type.type());
            problem.setTitle(type.title());
        }
        return respond(problem, headers, request);
    }

    // ---------------------------------------------------------------- building problems

    /** A problem of the given type; {@code detail} may be null. */
    static ProblemDetail problem(ProblemType type, String detail) {
        ProblemDetail problem = ProblemDetail.forStatus(type.status());
        problem.setType(type.type());
        problem.setTitle(type.title());
        problem.setDetail(detail);
        return problem;
    }

    static ProblemDetail payloadTooLarge(String detail, long limit) {
        ProblemDetail problem = problem(ProblemType.PAYLOAD_TOO_LARGE, detail);
        problem.setProperty("limit", limit);
        return problem;
    }

    /** The problem type Spring MVC's failures of this status map to, or null for statuses we never expect. */
    static ProblemType forStatus(int status) {
        return switch (status) {
            case 400 -> ProblemType.MALFORMED_REQUEST;
            case 404 -> ProblemType.NOT_FOUND;
            case 405 -> ProblemType.METHOD_NOT_ALLOWED;
            case 406 -> ProblemType.NOT_ACCEPTABLE;
            case 409 -> ProblemType.CONFLICT;
            case 413 -> ProblemType.PAYLOAD_TOO_LARGE;
            case 415 -> ProblemType.UNSUPPORTED_MEDIA_TYPE;
            default -> status >= 500 ? ProblemType.INTERNAL_ERROR : null;
        };
    }

    /** The generic 500: the failure is logged with an id, the client sees only that id. */
    static ProblemDetail internalError(Throwable ex, Object where) {
        String id = UUID.randomUUID().toString();
        log.error("Unexpected failure {} while serving {}", id, describe(where), ex);
        return problem(ProblemType.INTERNAL_ERROR,
                "The registry failed unexpectedly. The failure is logged under id " + id + ".");
    }

    static String instancePath(String requestUri) {
        return requestUri == null || requestUri.isEmpty() ? "/" : requestUri;
    }

    private static ProblemDetail tooLarge(RequestBodyTooLargeException ex) {
        return payloadTooLarge("Request body exceeds the limit of " + ex.limit() + " bytes.", ex.limit());
    }

    private static ProblemDetail unreadable(HttpMessageNotReadableException ex) {
        RequestBodyTooLargeException tooLarge = causeOf(ex, RequestBodyTooLargeException.class);
        if (tooLarge != null) {
            return tooLarge(tooLarge);
        }
        JacksonException jackson = causeOf(ex, JacksonException.class);
        if (jackson == null) {
            String message = ex.getMessage() != null && ex.getMessage().startsWith("Required request body is missing")
                    ? "The request body is missing." : "The request body could not be read.";
            return problem(ProblemType.MALFORMED_REQUEST, message);
        }
        String at = location(jackson.getLocation());
        String original = jackson.getOriginalMessage() == null ? "" : jackson.getOriginalMessage();
        if (jackson instanceof StreamConstraintsException) {
            Matcher limit = JACKSON_LIMIT.matcher(original);
            String what = original.startsWith("Document nesting depth") ? "nests deeper than"
                    : original.startsWith("String value length") ? "holds a string longer than"
                    : original.startsWith("Number value length") ? "holds a number longer than"
                    : "exceeds the parser bound of";
            long bound = limit.find() ? Long.parseLong(limit.group(1)) : -1;
            ProblemDetail problem = payloadTooLarge("The request body " + what + " "
                    + (bound >= 0 ? bound : "the allowed") + (what.startsWith("nests") ? " levels" : "")
                    + at + ".", bound);
            addLocation(problem, jackson.getLocation());
            return problem;
        }
        if (jackson instanceof StreamReadException) {
            String detail = original.startsWith("Invalid UTF-8")
                    ? "The request body is not valid UTF-8: " + firstSentence(original) + at + "."
                    : "The request body is not well-formed JSON: " + firstSentence(original) + at + ".";
            ProblemDetail problem = problem(ProblemType.MALFORMED_REQUEST, detail);
            addLocation(problem, jackson.getLocation());
            return problem;
        }
        // Well-formed JSON that does not fit the contract's shape: say where and what was expected.
        String pointer = pointerOf(jackson.getPath());
        String expected = jackson instanceof MismatchedInputException mismatch
                ? expectation(mismatch.getTargetType()) : null;
        Throwable root = rootCause(jackson);
        String reason = expected != null ? "expected " + expected
                : root instanceof IllegalArgumentException && root.getMessage() != null ? root.getMessage()
                : "the value has the wrong type or format";
        ProblemDetail problem = problem(ProblemType.MALFORMED_REQUEST,
                "Invalid value at '" + pointer + "' in the request body: " + reason + at + ".");
        problem.setProperty("errors", List.of(Map.of("pointer", pointer, "message", reason)));
        addLocation(problem, jackson.getLocation());
        return problem;
    }

    private ResponseEntity<Object> respond(ProblemDetail problem, HttpHeaders headers, WebRequest request) {
        if (problem.getInstance() == null) {
            problem.setInstance(URI.create(instancePath(request)));
        }
        HttpHeaders out = new HttpHeaders();
        out.addAll(headers);
        // Preset so negotiation cannot turn a problem into plain application/json (or fail on Accept).
        out.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        return ResponseEntity.status(problem.getStatus()).headers(out).body(problem);
    }

    // ---------------------------------------------------------------- small pure functions

    private static String instancePath(WebRequest request) {
        if (request instanceof NativeWebRequest nativeRequest
                && nativeRequest.getNativeRequest() instanceof HttpServletRequest servlet) {
            return instancePath(servlet.getRequestURI());
        }
        return "/";
    }

    private static String describe(Object where) {
        if (where instanceof NativeWebRequest nativeRequest
                && nativeRequest.getNativeRequest() instanceof HttpServletRequest servlet) {
            return servlet.getMethod() + " " + servlet.getRequestURI();
        }
        return String.valueOf(where);
    }

    private static String location(TokenStreamLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return "";
        }
        return " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    private static void addLocation(ProblemDetail problem, TokenStreamLocation location) {
        if (location != null && location.getLineNr() >= 1) {
            problem.setProperty("line", location.getLineNr());
            problem.setProperty("column", location.getColumnNr());
        }
    }

    /** Jackson's messages continue with hints about its own configuration after the first line; keep the first. */
    private static String firstSentence(String message) {
        int newline = message.indexOf('\n');
        String first = newline < 0 ? message : message.substring(0, newline);
        int config = first.indexOf(" (from `");
        return (config < 0 ? first : first.substring(0, config)).strip();
    }

    private static String expectation(Class<?> target) {
        if (target == null) {
            return null;
        }
        if (CharSequence.class.isAssignableFrom(target) || target.isEnum()) {
            return "a string";
        }
        if (Number.class.isAssignableFrom(target) || (target.isPrimitive() && target != boolean.class)) {
            return "a number";
        }
        if (target == Boolean.class || target == boolean.class) {
            return "a boolean";
        }
        if (target.isArray() || java.util.Collection.class.isAssignableFrom(target)) {
            return "an array";
        }
        if (target.getName().startsWith("java.time.")) {
            return "a date-time string";
        }
        return "an object";
    }

    static String pointerOf(List<JacksonException.Reference> path) {
        StringBuilder pointer = new StringBuilder();
        for (JacksonException.Reference reference : path) {
            pointer.append('/');
            if (reference.getPropertyName() != null) {
                pointer.append(escape(reference.getPropertyName()));
            } else if (reference.getIndex() >= 0) {
                pointer.append(reference.getIndex());
            } else {
                pointer.append('-');
            }
        }
        return pointer.toString();
    }

    /** {@code owners[0].name} (Spring's bean path) to {@code /owners/0/name}. */
    static String pointerOf(String beanPath) {
        if (beanPath == null || beanPath.isEmpty()) {
            return "";
        }
        StringBuilder pointer = new StringBuilder();
        for (String part : beanPath.replace("[", ".").replace("]", "").split("\\.")) {
            if (!part.isEmpty()) {
                pointer.append('/').append(escape(part));
            }
        }
        return pointer.toString();
    }

    private static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }

    private static String lastNode(String propertyPath) {
        int dot = propertyPath.lastIndexOf('.');
        return dot < 0 ? propertyPath : propertyPath.substring(dot + 1);
    }

    static <T extends Throwable> T causeOf(Throwable ex, Class<T> type) {
        for (Throwable current = ex; current != null; current = current.getCause()) {
            if (type.isInstance(current)) {
                return type.cast(current);
            }
            if (current.getCause() == current) {
                break;
            }
        }
        return null;
    }

    private static Throwable rootCause(Throwable ex) {
        Throwable current = ex;
        while (current.getCause() != null && current.getCause() != current) {
            current = current.getCause();
        }
        return current;
    }
}
