package org.canonicalregistry.registry.flow;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.canonicalregistry.registry.problem.RegistryException;
import org.springframework.scheduling.support.CronExpression;

/**
 * Every rule the ownership records keep, over a whole {@link Landscape}, returning all violations at once (an import
 * lists every problem; a REST write reports those about the record it writes). Pure; linear in the landscape's size.
 *
 * <ul>
 *   <li>Codes and ids are lower-kebab and unique; at most one system is the HUB.</li>
 *   <li>Systems of record name an existing entity and system, one declaration per entity and system. Per entity and
 *       scope there is exactly one AUTHORITATIVE system: one for the whole entity (scope empty) as soon as the entity
 *       has any declaration, and at most one per scoped pointer.</li>
 *   <li>Flows name an existing entity and two different known systems other than the hub (every flow passes through
 *       it), a major of at least 1, a valid trigger (CRON: six fields, parsed as Spring does), an owner principal
 *       name, a delivery policy and exactly one of the two freshness SLAs.</li>
 * </ul>
 */
final class OwnershipRules {

    static final Pattern CODE = Pattern.compile("^[a-z][a-z0-9]*(-[a-z0-9]+)*$");
    static final Pattern PRINCIPAL = Pattern.compile("^[a-z][a-z0-9]*([._-][a-z0-9]+)*$");
    static final Pattern POINTER = Pattern.compile("^(/[^/]+)+$");
    static final int MAX_RETRIES = 100;

    private OwnershipRules() {
    }

    /**
     * @param entities names of the registry's entities; null to skip that check
     */
    static List<Violation> check(Landscape landscape, Set<String> entities) {
        List<Violation> out = new ArrayList<>();
        Map<String, ConnectedSystem> systems = new HashMap<>();
        String hub = null;
        for (int i = 0; i < landscape.systems().size(); i++) {
            ConnectedSystem s = landscape.systems().get(i);
            Sink v = new Sink(out, Violation.Kind.SYSTEM, i);
            code(v, "code", s.code(), 64);
            text(v, "name", s.name(), 200);
            required(v, "kind", s.kind());
            code(v, "ownerTeam", s.ownerTeam(), 64);
            if (s.description() == null) {
                v.add("description", "is required");
            } else if (s.description().length() > 2000) {
                v.add("description", "is longer than 2000 characters");
            }
            required(v, "lifecycle", s.lifecycle());
            if (systems.putIfAbsent(s.code(), s) != null) {
                v.conflict("code", "system " + RegistryException.quoted(s.code()) + " is declared twice");
            }
            if (s.kind() == ConnectedSystem.Kind.HUB) {
                if (hub != null && !hub.equals(s.code())) {
                    v.conflict("kind", "only one system can be the HUB; " + RegistryException.quoted(hub) + " already is");
                } else {
                    hub = s.code();
                }
            }
        }
        checkSystemsOfRecord(landscape.systemsOfRecord(), systems.keySet(), entities, out);
        checkFlows(landscape.flows(), systems.keySet(), hub, entities, out);
        return out;
    }

    private static void checkSystemsOfRecord(List<SystemOfRecord> sors, Set<String> systems, Set<String> entities,
                                             List<Violation> out) {
        Set<String> keys = new HashSet<>();
        Map<String, String> authoritative = new HashMap<>();
        Set<String> declaredEntities = new HashSet<>();
        Map<String, Integer> firstIndex = new HashMap<>();
        for (int i = 0; i < sors.size(); i++) {
            SystemOfRecord s = sors.get(i);
            Sink v = new Sink(out, Violation.Kind.SYSTEM_OF_RECORD, i);
            entity(v, s.entity(), entities);
            system(v, "system", s.system(), systems);
            required(v, "role", s.role());
            Set<String> pointers = new HashSet<>();
            for (String p : s.scope()) {
                if (!POINTER.matcher(p).matches()) {
                    v.add("scope", "'" + p + "' is not a JSON pointer to a member (/name…)");
                } else if (!pointers.add(p)) {
                    v.add("scope", "'" + p + "' is listed twice");
                }
            }
            if (s.rank() != null && s.rank() < 1) {
                v.add("rank", "must be at least 1, was " + s.rank());
            }
            if (!keys.add(s.key())) {
                v.conflict(null, "system " + RegistryException.quoted(s.system()) + " is declared twice for entity "
                        + RegistryException.quoted(s.entity()));
                continue;
            }
            declaredEntities.add(s.entity());
            firstIndex.putIfAbsent(s.entity(), i);
            if (s.role() == SystemOfRecord.Role.AUTHORITATIVE) {
                List<String> scopes = s.scope().isEmpty() ? List.of("") : s.scope();
                for (String scope : scopes) {
                    String other = authoritative.putIfAbsent(s.entity() + "#" + scope, s.system());
                    if (other != null) {
                        v.conflict("role", "entity " + RegistryException.quoted(s.entity()) + " already has "
                                + RegistryException.quoted(other) + " as its AUTHORITATIVE system for "
                                + (scope.isEmpty() ? "the whole entity" : scope)
                                + "; there is exactly one per entity and scope");
                    }
                }
            }
        }
        for (String entity : declaredEntities) {
            if (!authoritative.containsKey(entity + "#")) {
                new Sink(out, Violation.Kind.SYSTEM_OF_RECORD, firstIndex.get(entity)).conflict("role", "entity "
                        + RegistryException.quoted(entity) + " has systems of record but no AUTHORITATIVE system for "
                        + "the whole entity; there is exactly one per entity");
            }
        }
    }

    private static void checkFlows(List<DataFlow> flows, Set<String> systems, String hub, Set<String> entities,
                                   List<Violation> out) {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < flows.size(); i++) {
            DataFlow f = flows.get(i);
            Sink v = new Sink(out, Violation.Kind.FLOW, i);
            code(v, "id", f.id(), 128);
            text(v, "name", f.name(), 200);
            entity(v, f.entity(), entities);
            if (f.consumesMajor() < 1) {
                v.add("consumesMajor", "must be at least 1, was " + f.consumesMajor());
            }
            system(v, "source", f.source(), systems);
            system(v, "target", f.target(), systems);
            if (f.source() != null && f.source().equals(f.target())) {
                v.add("target", "is the source system " + RegistryException.quoted(f.source()) + "; a flow connects two systems");
            }
            if (hub != null && (hub.equals(f.source()) || hub.equals(f.target()))) {
                v.add(hub.equals(f.source()) ? "source" : "target", "is the hub " + RegistryException.quoted(hub)
                        + "; every flow passes through the hub, so name the systems on either side");
            }
            trigger(v, f.trigger());
            if (f.owner() == null || !PRINCIPAL.matcher(f.owner()).matches() || f.owner().length() > 128) {
                v.add("owner", f.owner() == null ? "is required"
                        : RegistryException.quoted(f.owner()) + " is not a principal name (lower case, dot-separated)");
            }
            delivery(v, f.delivery());
            freshness(v, f.freshness());
            required(v, "lifecycle", f.lifecycle());
            if (f.id() != null && !ids.add(f.id())) {
                v.conflict("id", "flow " + RegistryException.quoted(f.id()) + " is declared twice");
            }
        }
    }

    private static void trigger(Sink v, DataFlow.Trigger t) {
        if (t == null || t.type() == null) {
            v.add("trigger", "needs a type (EVENT or CRON) and an expression");
            return;
        }
        if (t.expression() == null || t.expression().isBlank() || t.expression().length() > 200) {
            v.add("trigger", "needs an expression of at most 200 characters");
        } else if (t.type() == DataFlow.Trigger.Type.CRON) {
            try {
                CronExpression.parse(t.expression());
            } catch (IllegalArgumentException e) {
                v.add("trigger", "cron expression " + RegistryException.quoted(t.expression())
                        + " is not six fields (second minute hour day month weekday): " + e.getMessage());
            }
        }
    }

    private static void delivery(Sink v, DataFlow.Delivery d) {
        if (d == null) {
            v.add("delivery", "is required (maxRetries, backoff, deadLetterChannel, replayable)");
            return;
        }
        if (d.maxRetries() < 0 || d.maxRetries() > MAX_RETRIES) {
            v.add("delivery", "maxRetries must be 0.." + MAX_RETRIES + ", was " + d.maxRetries());
        }
        if (d.backoff() == null || d.backoff().isNegative() || d.backoff().isZero()) {
            v.add("delivery", "backoff must be a positive ISO-8601 duration such as PT30S");
        }
        if (d.deadLetterChannel() != null && (d.deadLetterChannel().isBlank() || d.deadLetterChannel().length() > 200)) {
            v.add("delivery", "deadLetterChannel must be 1..200 characters");
        }
    }

    private static void freshness(Sink v, DataFlow.Freshness f) {
        if (f == null || (f.maxAge() == null) == (f.dailyBy() == null)) {
            v.add("freshnessSla", "needs exactly one of maxAge (ISO-8601 duration) or dailyBy (HH:mm UTC)");
        } else if (f.maxAge() != null && (f.maxAge().isNegative() || f.maxAge().isZero()
                || f.maxAge().compareTo(Duration.ofDays(366)) > 0)) {
            v.add("freshnessSla", "maxAge must be positive and at most a year, was " + f.maxAge());
        }
    }

    private static void entity(Sink v, String entity, Set<String> entities) {
        if (entity == null || !CODE.matcher(entity).matches()) {
            v.add("entity", entity == null ? "is required" : RegistryException.quoted(entity) + " is not an entity name");
        } else if (entities != null && !entities.contains(entity)) {
            v.add("entity", "no entity " + RegistryException.quoted(entity) + " is registered");
        }
    }

    private static void system(Sink v, String field, String code, Set<String> systems) {
        if (code == null) {
            v.add(field, "is required");
        } else if (!systems.contains(code)) {
            v.add(field, "unknown system " + RegistryException.quoted(code));
        }
    }

    private static void code(Sink v, String field, String value, int max) {
        if (value == null) {
            v.add(field, "is required");
        } else if (!CODE.matcher(value).matches() || value.length() > max) {
            v.add(field, RegistryException.quoted(value) + " is not lower-kebab (a-z, 0-9, single '-') of at most "
                    + max + " characters");
        }
    }

    private static void text(Sink v, String field, String value, int max) {
        if (value == null || value.isBlank()) {
            v.add(field, "is required");
        } else if (value.length() > max) {
            v.add(field, "is longer than " + max + " characters");
        }
    }

    private static void required(Sink v, String field, Object value) {
        if (value == null) {
            v.add(field, "is required");
        }
    }

    /** Collects the violations of one record. */
    private record Sink(List<Violation> out, Violation.Kind kind, int index) {
        void add(String field, String message) {
            out.add(new Violation(kind, index, field, message, false));
        }

        void conflict(String field, String message) {
            out.add(new Violation(kind, index, field, message, true));
        }
    }
}
