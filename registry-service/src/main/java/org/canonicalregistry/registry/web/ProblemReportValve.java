package org.canonicalregistry.registry.web;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.canonicalregistry.registry.problem.ProblemType;

/**
 * Tomcat's error report for requests it refuses before they reach the application (a malformed or ambiguous URL,
 * such as {@code %zz} or an encoded slash), as a problem document instead of Tomcat's HTML page. Installed as the
 * host's error report valve by {@link WebConfiguration}; Tomcat instantiates it by class name, hence public.
 *
 * <p>The refused request is never echoed (no {@code instance}): it is exactly the input that could not be parsed.
 */
public final class ProblemReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(true);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        ProblemType type = ProblemAdvice.forStatus(status);
        String detail = status < 500
                ? "The web server refused the request before it reached the registry (for example a malformed URL)."
                : "The web server failed before the request reached the registry.";
        StringBuilder json = new StringBuilder("{");
        if (type != null) {
            json.append("\"type\":\"").append(type.type()).append("\",\"title\":\"").append(type.title()).append("\",");
        }
        json.append("\"status\":").append(status).append(",\"detail\":\"").append(detail).append("\"}");
        try {
            response.setContentType("application/problem+json");
            response.setCharacterEncoding("UTF-8");
            PrintWriter writer = response.getReporter();
            if (writer != null) {
                writer.write(json.toString());
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException ignored) {
            // the connection is already gone; nothing more to tell the client
        }
    }
}
