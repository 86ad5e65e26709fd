package org.canonicalregistry.registry.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.canonicalregistry.registry.web.HttpProbe;

/**
 * A browser reduced to what the console's security depends on: one session cookie, the CSRF token of the last page,
 * and form posts. Redirects are not followed, so tests see every {@code Location} and {@code Set-Cookie}.
 */
final class ConsoleVisitor {

    static final String COOKIE = "REGISTRY_SESSION";
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern SET_COOKIE = Pattern.compile(COOKIE + "=([^;]*)");

    private final HttpProbe http;
    private String session;
    private String csrf;

    ConsoleVisitor(int port) {
        this.http = new HttpProbe(port);
    }

    String session() {
        return session;
    }

    String csrf() {
        return csrf;
    }

    /** Signs in with {@code token}; returns the reply to the sign-in POST. */
    HttpProbe.Reply signIn(String token) {
        get("/sign-in");
        return post("/sign-in", "token", token, "continue", "/");
    }

    HttpProbe.Reply get(String path) {
        HttpProbe.Reply reply = http.get(path, headers());
        remember(reply);
        return reply;
    }

    /** A form post with this session's cookie and CSRF token, and the given name/value pairs. */
    HttpProbe.Reply post(String path, String... fields) {
        List<String> all = new ArrayList<>(List.of(fields));
        if (csrf != null) {
            all.add("_csrf");
            all.add(csrf);
        }
        return postRaw(path, all.toArray(String[]::new));
    }

    /** A form post with the session cookie but only the fields given: no CSRF token unless one is among them. */
    HttpProbe.Reply postRaw(String path, String... fields) {
        StringBuilder form = new StringBuilder();
        for (int i = 0; i < fields.length; i += 2) {
            form.append(form.isEmpty() ? "" : "&").append(URLEncoder.encode(fields[i], StandardCharsets.UTF_8))
                    .append('=').append(URLEncoder.encode(fields[i + 1], StandardCharsets.UTF_8));
        }
        HttpProbe.Reply reply = http.post(path, "application/x-www-form-urlencoded",
                form.toString().getBytes(StandardCharsets.UTF_8), headers());
        remember(reply);
        return reply;
    }

    private String[] headers() {
        return session == null ? new String[] {"Accept", "text/html"}
                : new String[] {"Accept", "text/html", "Cookie", COOKIE + "=" + session};
    }

    private void remember(HttpProbe.Reply reply) {
        List<String> cookies = reply.headers().getOrDefault("Set-Cookie", List.of());
        for (String cookie : cookies) {
            Matcher m = SET_COOKIE.matcher(cookie);
            if (m.lookingAt()) {
                session = m.group(1).isEmpty() ? null : m.group(1);
            }
        }
        Matcher m = CSRF.matcher(reply.text());
        if (m.find()) {
            csrf = m.group(1);
        }
    }

    /** The {@code Set-Cookie} header that set the session cookie, for its attributes. */
    static String sessionCookie(HttpProbe.Reply reply) {
        return reply.headers().getOrDefault("Set-Cookie", List.of()).stream()
                .filter(c -> c.startsWith(COOKIE + "=")).findFirst().orElse(null);
    }

    static void assertRedirect(HttpProbe.Reply reply, String location) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(302);
        assertThat(reply.header("Location")).endsWith(location);
    }
}
