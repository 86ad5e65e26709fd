package org.canonicalregistry.registry.security;

import java.util.EnumSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * On a start where no principal holds ADMIN (the first start), makes principal {@code admin} an ADMIN (creating it
 * if needed) and issues it a token: the one from {@code registry.security.bootstrap-token} when set (CI,
 * containers), otherwise a random one, logged once in a banner. Later starts find an ADMIN and do nothing.
 *
 * <p>Safe with several instances starting at once: the work happens in one transaction that first locks the
 * {@code bootstrap-admin} row of {@code bootstrap_task}; a second instance waits, then finds the ADMIN.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class BootstrapAdmin implements ApplicationRunner {

    static final String ADMIN = "admin";
    private static final Logger LOG = LoggerFactory.getLogger(BootstrapAdmin.class);

    /** What a start did. */
    sealed interface Outcome permits AdminExists, Issued {
    }

    record AdminExists() implements Outcome {
    }

    /** @param generated true when the token was generated (and must be shown), false when it was preset */
    record Issued(IssuedToken token, boolean generated) implements Outcome {
    }

    private final PrincipalService principals;
    private final SecuritySettings settings;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;

    BootstrapAdmin(PrincipalService principals, SecuritySettings settings, JdbcClient jdbc,
                   TransactionTemplate transaction) {
        this.principals = principals;
        this.settings = settings;
        this.jdbc = jdbc;
        this.transaction = transaction;
    }

    @Override
    public void run(ApplicationArguments args) {
        Outcome outcome = bootstrap();
        if (outcome instanceof Issued issued && issued.generated()) {
            // The one place a token is ever logged: there is no other way to reach a fresh registry.
            LOG.warn("""

                    ==========================================================================================
                      Canonical Registry: first start, no ADMIN yet. Created principal '{}' (role ADMIN).
                      Its API token (shown ONCE, stored only as a hash):

                          {}

                      Use it as:  curl -H 'Authorization: Bearer <token>' ...
                      Set REGISTRY_SECURITY_BOOTSTRAP_TOKEN to choose this token yourself (CI, containers).
                    ==========================================================================================
                    """, ADMIN, issued.token().token());
        } else if (outcome instanceof Issued issued) {
            LOG.info("First start: principal '{}' (ADMIN) authenticates with the preset registry.security.bootstrap-token "
                    + "(token id {})", ADMIN, issued.token().metadata().id());
        }
    }

    /** Creates the bootstrap admin and its token if, under the bootstrap lock, no principal is an ADMIN. */
    Outcome bootstrap() {
        return transaction.execute(status -> {
            jdbc.sql("SELECT name FROM bootstrap_task WHERE name = 'bootstrap-admin' FOR UPDATE")
                    .query(String.class).optional()
                    .orElseThrow(() -> new IllegalStateException(
                            "bootstrap_task row 'bootstrap-admin' is missing: the Liquibase changelog was not applied"));
            if (principals.anyAdmin()) {
                return new AdminExists();
            }
            var existing = principals.find(ADMIN);
            if (existing.isEmpty()) {
                principals.create(Principal.SYSTEM, new NewPrincipal(ADMIN, "Bootstrap administrator", null,
                        Set.of(Role.ADMIN)));
            } else {
                Set<Role> roles = EnumSet.of(Role.ADMIN);
                roles.addAll(existing.get().principal().roles());
                principals.update(Principal.SYSTEM, ADMIN, new PrincipalChanges(null, null, roles));
            }
            String preset = settings.bootstrapToken();
            if (preset != null && !principals.tokenExists(preset)) {
                return new Issued(principals.issue(Principal.SYSTEM, ADMIN, "bootstrap", null, preset), false);
            }
            if (preset != null) {
                // The preset token was issued before (and its principal since lost ADMIN): issue a fresh one.
                LOG.warn("registry.security.bootstrap-token was already issued once; generating a new bootstrap token");
            }
            return new Issued(principals.issueToken(Principal.SYSTEM, ADMIN, "bootstrap", null), true);
        });
    }
}
