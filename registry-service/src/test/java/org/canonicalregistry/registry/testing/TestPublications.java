package org.canonicalregistry.registry.testing;

import static org.assertj.core.api.Assertions.assertThat;

import org.canonicalregistry.registry.security.Role;
import org.canonicalregistry.registry.web.HttpProbe;

/**
 * Publishes schema versions in tests the only way the registry allows: a change proposal by a developer, approved by
 * the bootstrap admin (who is not the proposer). Tests that are about reading, caching or compatibility use this to
 * set up versions; tests about the workflow itself drive the proposals API directly.
 */
public final class TestPublications {

    /** The developer every publication here is proposed by. */
    public static final String PROPOSER = "test-publisher";

    private final HttpProbe admin;
    private final HttpProbe developer;

    public TestPublications(int port) {
        this.admin = HttpProbe.asAdmin(port);
        var existing = admin.get("/api/v1/principals/" + PROPOSER);
        TestPrincipals principals = new TestPrincipals(port);
        if (existing.status() == 404) {
            principals.create(PROPOSER, Role.DEVELOPER);
        }
        this.developer = new HttpProbe(port).withBearer(principals.issueToken(PROPOSER, "publications"));
    }

    /**
     * Opens a proposal for {@code schema} and, when it opened (201), approves it as the admin.
     *
     * @param newMajor propose it as the next major line ({@code targetMajor} = newest + 1)
     * @return the published version's reply (200) when published; otherwise the refusing reply of the proposal
     *         endpoint (e.g. 409 {@code conflict} for content identical to a version, 422 {@code schema-rejected})
     */
    public HttpProbe.Reply publish(String entity, String schema, boolean newMajor) {
        String target = "";
        if (newMajor) {
            var latest = admin.get("/api/v1/entities/" + entity + "/versions/latest");
            int major = latest.status() == 200 ? latest.json().path("major").asInt() : 0;
            target = ",\"targetMajor\":" + (major + 1);
        }
        var opened = propose(entity, "{\"schema\":" + schema + ",\"summary\":\"test publication\"" + target + "}");
        if (opened.status() != 201) {
            return opened;
        }
        long id = opened.json().path("id").asLong();
        var approved = admin.postJson("/api/v1/proposals/" + id + "/approve", "{\"comment\":\"test\"}");
        assertThat(approved.status()).as("approving proposal %s: %s", id, approved).isEqualTo(200);
        String version = approved.json().path("publishedVersion").asString();
        return admin.get("/api/v1/entities/" + entity + "/versions/" + version);
    }

    /** As {@link #publish(String, String, boolean)} without a new major. */
    public HttpProbe.Reply publish(String entity, String schema) {
        return publish(entity, schema, false);
    }

    /** {@code POST /api/v1/entities/{entity}/proposals} with {@code body} as the developer. */
    public HttpProbe.Reply propose(String entity, String body) {
        return developer.postJson("/api/v1/entities/" + entity + "/proposals", body);
    }

    /** The developer's probe, for requests a test makes as the proposer. */
    public HttpProbe developer() {
        return developer;
    }
}
