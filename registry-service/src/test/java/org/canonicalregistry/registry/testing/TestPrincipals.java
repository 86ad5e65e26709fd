package org.canonicalregistry.registry.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.stream.Collectors;
import org.canonicalregistry.registry.security.Role;
import org.canonicalregistry.registry.web.HttpProbe;

/**
 * Principals and bearer tokens for tests, made through the real API of a running registry as its bootstrap admin
 * (the test configuration presets {@link #BOOTSTRAP_TOKEN}). So a test that needs "an OWNER" gets one exactly the
 * way an operator would make it.
 *
 * <pre>{@code
 * TestPrincipals principals = new TestPrincipals(port);
 * String dev = principals.tokenFor("dora", Role.DEVELOPER);
 * new HttpProbe(port).withBearer(dev).postJson(...);
 * }</pre>
 */
public final class TestPrincipals {

    /** The bootstrap admin token set by {@code src/test/resources/config/application.yaml}. */
    public static final String BOOTSTRAP_TOKEN = "crt_TestBootstrapAdminToken_0123456789abcdefXYZ";

    private final HttpProbe admin;

    public TestPrincipals(int port) {
        this.admin = HttpProbe.asAdmin(port);
    }

    /** Creates principal {@code name} with {@code roles} (it must not exist yet) and returns a fresh token for it. */
    public String tokenFor(String name, Role... roles) {
        create(name, roles);
        return issueToken(name, "test");
    }

    /** Creates principal {@code name} with {@code roles}; fails the test when the registry refuses. */
    public void create(String name, Role... roles) {
        String roleList = Arrays.stream(roles).map(r -> "\"" + r.name() + "\"").collect(Collectors.joining(","));
        var reply = admin.postJson("/api/v1/principals",
                "{\"name\":\"" + name + "\",\"roles\":[" + roleList + "]}");
        assertThat(reply.status()).as("creating principal %s: %s", name, reply).isEqualTo(201);
    }

    /** Issues a token for an existing principal (as the bootstrap admin) and returns it. */
    public String issueToken(String name, String label) {
        return issue(name, "{\"label\":\"" + label + "\"}").json().path("token").asString();
    }

    /** Issues a token that expires at {@code expiresAt} (ISO-8601 instant) and returns the whole reply. */
    public HttpProbe.Reply issue(String name, String body) {
        var reply = admin.postJson("/api/v1/principals/" + name + "/tokens", body);
        assertThat(reply.status()).as("issuing a token for %s: %s", name, reply).isEqualTo(201);
        return reply;
    }
}
