package org.canonicalregistry.registry.console;

import static org.assertj.core.api.Assertions.assertThat;

import org.canonicalregistry.registry.testing.FreshPostgresSchema;
import org.canonicalregistry.registry.web.HttpProbe;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The console's sessions and forms at the HTTP level, on real PostgreSQL with the sample models: how a session is
 * made and ended, that every form needs its CSRF token, that the console cannot do what the services refuse (nobody
 * approves their own change, even with a hand-made request), that the API never accepts the session cookie, and
 * that user text is inert. Each refusal leaves the proposal exactly as it was.
 */
@FreshPostgresSchema
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "registry.samples.enabled=true")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsoleSecurityIT {

    @LocalServerPort
    int port;

    ConsoleFixture fixture;

    @BeforeAll
    void fixture() {
        fixture = new ConsoleFixture(port);
    }

    @Test
    void signingInReplacesTheSessionWithAnHttpOnlySameSiteCookieAndSaysWhoIsSignedIn() {
        ConsoleVisitor sam = new ConsoleVisitor(port);
        sam.get("/sign-in");
        String anonymous = sam.session();
        assertThat(anonymous).as("the sign-in form's CSRF token lives in a session").isNotNull();

        HttpProbe.Reply signedIn = sam.post("/sign-in", "token", fixture.samToken, "continue", "/entities");

        ConsoleVisitor.assertRedirect(signedIn, "/entities");
        String cookie = ConsoleVisitor.sessionCookie(signedIn);
        assertThat(cookie).containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Lax");
        assertThat(sam.session()).as("a new session id on sign-in (no fixation)").isNotEqualTo(anonymous);
        HttpProbe.Reply inbox = sam.get("/");
        assertThat(inbox.status()).isEqualTo(200);
        assertThat(inbox.text()).contains("Signed in as").contains("sam.sales").contains("changes await your decision");
        assertThat(inbox.header("Content-Security-Policy")).contains("script-src 'self'").contains("frame-ancestors 'none'");
    }

    @Test
    void aWrongTokenIsRefusedWithItsReasonAndNeverEchoed() {
        ConsoleVisitor visitor = new ConsoleVisitor(port);
        String wrong = "crt_ThisTokenDoesNotExist_0123456789abcdefghijk";

        HttpProbe.Reply refused = visitor.signIn(wrong);

        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.text()).contains("not known to this registry").doesNotContain(wrong);
        assertThat(visitor.get("/").text()).doesNotContain("Signed in as");
        assertThat(visitor.signIn("x".repeat(9000)).text()).contains("longer than any token");
    }

    @Test
    void aRevokedTokenEndsItsSessionAtTheNextRequest() {
        var issued = fixture.admin.postJson("/api/v1/principals/sam.sales/tokens", "{\"label\":\"revoke me\"}")
                .json();
        String token = issued.path("token").asString();
        String id = issued.path("id").asString();
        ConsoleVisitor sam = new ConsoleVisitor(port);
        ConsoleVisitor.assertRedirect(sam.signIn(token), "/");
        assertThat(sam.get("/").text()).contains("Signed in as");

        assertThat(fixture.admin.method("DELETE", "/api/v1/principals/sam.sales/tokens/" + id).status()).isEqualTo(204);

        HttpProbe.Reply after = sam.get("/");
        assertThat(after.text()).doesNotContain("Signed in as");
        HttpProbe.Reply approve = sam.post("/proposals/" + fixture.compatible + "/approve", "comment", "too late");
        assertThat(approve.status()).isIn(401, 403);
        assertThat(fixture.proposal(fixture.compatible).path("state").asString()).isEqualTo("OPEN");
    }

    @Test
    void aFormWithoutTheSessionsCsrfTokenIsRefusedAndChangesNothing() {
        ConsoleVisitor sam = new ConsoleVisitor(port);
        sam.signIn(fixture.samToken);
        sam.get("/proposals/" + fixture.breaking);
        String before = fixture.proposal(fixture.breaking).toString();

        HttpProbe.Reply noToken = sam.postRaw("/proposals/" + fixture.breaking + "/reject", "comment", "no");
        HttpProbe.Reply wrongToken = sam.postRaw("/proposals/" + fixture.breaking + "/reject", "comment", "no",
                "_csrf", "forged-token");

        assertThat(noToken.status()).isEqualTo(403);
        assertThat(noToken.text()).contains("security token (CSRF)");
        assertThat(wrongToken.status()).isEqualTo(403);
        assertThat(fixture.proposal(fixture.breaking).toString()).isEqualTo(before);
    }

    @Test
    void theProposerSeesApproveDisabledWithTheReasonAndAForgedApprovalIsRefused() {
        ConsoleVisitor dora = new ConsoleVisitor(port);
        dora.signIn(fixture.doraToken);
        HttpProbe.Reply page = dora.get("/proposals/" + fixture.compatible);
        String before = fixture.proposal(fixture.compatible).toString();

        assertThat(page.text()).containsPattern("id=\"approve\"[^>]*disabled")
                .contains("You proposed this change; nobody approves their own change.");

        HttpProbe.Reply forged = dora.post("/proposals/" + fixture.compatible + "/approve", "comment", "mine");

        assertThat(forged.status()).isEqualTo(403);
        assertThat(forged.text()).contains("cannot approve it");
        assertThat(fixture.proposal(fixture.compatible).toString()).isEqualTo(before);
    }

    @Test
    void theApiIgnoresTheConsoleSessionCookie() {
        ConsoleVisitor sam = new ConsoleVisitor(port);
        sam.signIn(fixture.samToken);
        String before = fixture.proposal(fixture.breaking).toString();

        HttpProbe.Reply viaApi = new HttpProbe(port).post("/api/v1/proposals/" + fixture.breaking + "/reject",
                "application/json", "{\"comment\":\"via cookie\"}".getBytes(),
                "Cookie", ConsoleVisitor.COOKIE + "=" + sam.session(), "X-CSRF-TOKEN", sam.csrf());

        assertThat(viaApi.status()).isEqualTo(401);
        assertThat(viaApi.contentType()).startsWith("application/problem+json");
        assertThat(fixture.proposal(fixture.breaking).toString()).isEqualTo(before);
    }

    @Test
    void userTextIsEscapedOnEveryPageThatShowsIt() {
        HttpProbe.Reply proposal = new ConsoleVisitor(port).get("/proposals/" + fixture.compatible);

        assertThat(proposal.status()).isEqualTo(200);
        assertThat(proposal.text()).doesNotContain("<script>document.title").doesNotContain("<img src=x")
                .contains("&lt;script&gt;document.title=&#39;pwned&#39;&lt;/script&gt;");
    }

    @Test
    void signInOnlyReturnsToPagesOfThisRegistry() {
        for (String hostile : new String[] {"//evil.example/", "https://evil.example/", "/\\evil.example",
                "/ok\r\nSet-Cookie: x=y"}) {
            ConsoleVisitor visitor = new ConsoleVisitor(port);
            visitor.get("/sign-in");
            HttpProbe.Reply reply = visitor.post("/sign-in", "token", fixture.samToken, "continue", hostile);
            assertThat(reply.status()).isEqualTo(302);
            assertThat(reply.header("Location")).as(hostile).isEqualTo("http://127.0.0.1:" + port + "/");
        }
    }

    @Test
    void anAnonymousFormPostIsRefusedAndAProtectedPageAsksToSignIn() {
        ConsoleVisitor anonymous = new ConsoleVisitor(port);
        anonymous.get("/sign-in");

        HttpProbe.Reply approve = anonymous.post("/proposals/" + fixture.breaking + "/approve", "comment", "hi");

        assertThat(approve.status()).isEqualTo(401);
        assertThat(approve.text()).contains("not signed in");
        assertThat(fixture.proposal(fixture.breaking).path("state").asString()).isEqualTo("OPEN");
    }

    @Test
    void signingOutEndsTheSession() {
        ConsoleVisitor sam = new ConsoleVisitor(port);
        sam.signIn(fixture.samToken);
        String session = sam.session();
        sam.get("/");

        ConsoleVisitor.assertRedirect(sam.post("/sign-out"), "/sign-in?signed-out");

        HttpProbe.Reply reused = new HttpProbe(port).get("/", "Accept", "text/html",
                "Cookie", ConsoleVisitor.COOKIE + "=" + session);
        assertThat(reused.text()).doesNotContain("Signed in as");
    }

    @Test
    void anUnknownProposalIsAReadablePageForBrowsersAndAProblemForTheApi() {
        HttpProbe.Reply page = new ConsoleVisitor(port).get("/proposals/987654");
        assertThat(page.status()).isEqualTo(404);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.text()).contains("987654");

        assertThat(new HttpProbe(port).get("/api/v1/proposals/987654").contentType())
                .startsWith("application/problem+json");
    }

    @Test
    void badInputOnConsoleFormsAndFiltersGetsItsPreciseReasonAndChangesNothing() {
        ConsoleVisitor sam = new ConsoleVisitor(port);

        HttpProbe.Reply empty = sam.signIn("   ");
        assertThat(empty.status()).isEqualTo(401);
        assertThat(empty.text()).contains("Paste a registry token");

        sam.signIn(fixture.samToken);
        sam.get("/proposals/" + fixture.breaking);
        String before = fixture.proposal(fixture.breaking).toString();
        HttpProbe.Reply longComment = sam.post("/proposals/" + fixture.breaking + "/reject",
                "comment", "x".repeat(100_000));
        assertThat(longComment.status()).isEqualTo(400);
        assertThat(longComment.contentType()).startsWith("text/html");
        assertThat(longComment.text()).contains("/comment: is 100000 characters long; the limit is");
        assertThat(fixture.proposal(fixture.breaking).toString()).isEqualTo(before);

        HttpProbe.Reply badDate = sam.get("/audit?from=yesterday");
        assertThat(badDate.status()).isEqualTo(400);
        assertThat(badDate.text()).contains("The &#39;from&#39; filter must be a date like 2026-12-05, not &#39;yesterday&#39;.");

        HttpProbe.Reply badVersion = sam.get("/entities/customer/versions/01.0");
        assertThat(badVersion.status()).isEqualTo(400);
        assertThat(badVersion.text()).contains("is not &#39;latest&#39;");
    }
}
