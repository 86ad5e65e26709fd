package org.canonicalregistry.models;

import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The ownership files ({@code ownership/*.yaml}) as typed values. Each record checks what it can see
 * on its own (required fields, formats of durations, times and cron expressions); the cross-file rules
 * live in {@link OwnershipConsistencyTest}. Unknown keys and unknown enum constants fail the parse, so a
 * typo in a YAML file fails the build instead of being ignored.
 */
final class Ownership {

    static final YAMLMapper YAML = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private static final Pattern CODE = Pattern.compile("^[a-z][a-z0-9]*(-[a-z0-9]+)*$");
    private static final Pattern PRINCIPAL = Pattern.compile("^[a-z][a-z0-9]*(\\.[a-z][a-z0-9]*)*$");
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final Pattern POINTER = Pattern.compile("^(/[^/]+)+$");
    private static final Pattern HH_MM = Pattern.compile("^([01][0-9]|2[0-3]):[0-5][0-9]$");

    private Ownership() {
    }

    static <T> T read(String fileName, Class<T> type) {
        return YAML.readValue(ModelFiles.OWNERSHIP.resolve(fileName).toFile(), type);
    }

    enum SystemKind { SAAS, ERP, IN_HOUSE, HUB }

    enum Lifecycle { PLANNED, ACTIVE, DEPRECATED, RETIRED }

    enum SourceRole { AUTHORITATIVE, CONTRIBUTOR, RECEIVER }

    enum TriggerType { EVENT, CRON }

    enum CompatibilityMode { NONE, BACKWARD, BACKWARD_TRANSITIVE, FORWARD, FORWARD_TRANSITIVE, FULL, FULL_TRANSITIVE }

    // ---- systems.yaml

    record SystemsFile(List<ConnectedSystem> systems) {
        SystemsFile {
            systems = List.copyOf(require(systems, "systems"));
        }
    }

    record ConnectedSystem(String code, String name, SystemKind kind, String ownerTeam, String description, Lifecycle lifecycle) {
        ConnectedSystem {
            requireMatch(code, CODE, "system code");
            requireText(name, "name of system " + code);
            require(kind, "kind of system " + code);
            requireMatch(ownerTeam, CODE, "ownerTeam of system " + code);
            requireText(description, "description of system " + code);
            require(lifecycle, "lifecycle of system " + code);
        }
    }

    // ---- owners.yaml

    record OwnersFile(List<Team> teams, List<Principal> principals, List<EntityOwnership> entities) {
        OwnersFile {
            teams = List.copyOf(require(teams, "teams"));
            principals = List.copyOf(require(principals, "principals"));
            entities = List.copyOf(require(entities, "entities"));
        }
    }

    record Team(String code, String name) {
        Team {
            requireMatch(code, CODE, "team code");
            requireText(name, "name of team " + code);
        }
    }

    record Principal(String name, String displayName, String email, List<String> teams) {
        Principal {
            requireMatch(name, PRINCIPAL, "principal name");
            requireText(displayName, "displayName of " + name);
            requireMatch(email, EMAIL, "email of " + name);
            teams = List.copyOf(require(teams, "teams of " + name));
        }
    }

    record EntityOwnership(String entity, String domain, String description, List<String> owners, List<String> stewards,
                           CompatibilityMode compatibility) {
        EntityOwnership {
            requireMatch(entity, CODE, "entity");
            requireMatch(domain, CODE, "domain of " + entity);
            requireText(description, "description of " + entity);
            owners = List.copyOf(require(owners, "owners of " + entity));
            stewards = List.copyOf(require(stewards, "stewards of " + entity));
            require(compatibility, "compatibility of " + entity);
        }

        @Override
        public String toString() {
            return entity;
        }
    }

    // ---- systems-of-record.yaml

    record SystemsOfRecordFile(List<SystemOfRecord> systemsOfRecord) {
        SystemsOfRecordFile {
            systemsOfRecord = List.copyOf(require(systemsOfRecord, "systemsOfRecord"));
        }
    }

    /** {@code scope} empty means the whole entity; {@code rank} is absent for receivers. */
    record SystemOfRecord(String entity, String system, SourceRole role, List<String> scope, Integer rank) {
        SystemOfRecord {
            requireMatch(entity, CODE, "entity");
            requireMatch(system, CODE, "system of " + entity);
            require(role, "role of " + system + " for " + entity);
            scope = scope == null ? List.of() : List.copyOf(scope);
            for (String pointer : scope) {
                requireMatch(pointer, POINTER, "scope pointer of " + system + " for " + entity);
            }
            if (rank != null && rank < 1) {
                throw new IllegalArgumentException("rank of " + system + " for " + entity + " must be >= 1, was " + rank);
            }
            if (role != SourceRole.RECEIVER && rank == null) {
                throw new IllegalArgumentException(role + " " + system + " for " + entity + " needs a rank");
            }
        }

        boolean wholeEntity() {
            return scope.isEmpty();
        }
    }

    // ---- flows.yaml

    record FlowsFile(List<DataFlow> flows) {
        FlowsFile {
            flows = List.copyOf(require(flows, "flows"));
        }
    }

    record DataFlow(String id, String name, String entity, int consumesMajor, String source, String target, Trigger trigger,
                    String owner, Delivery delivery, FreshnessSla freshnessSla, Lifecycle lifecycle) {
        DataFlow {
            requireMatch(id, CODE, "flow id");
            requireText(name, "name of flow " + id);
            requireMatch(entity, CODE, "entity of flow " + id);
            if (consumesMajor < 1) {
                throw new IllegalArgumentException("consumesMajor of flow " + id + " must be >= 1, was " + consumesMajor);
            }
            requireMatch(source, CODE, "source of flow " + id);
            requireMatch(target, CODE, "target of flow " + id);
            require(trigger, "trigger of flow " + id);
            requireMatch(owner, PRINCIPAL, "owner of flow " + id);
            require(delivery, "delivery of flow " + id);
            require(freshnessSla, "freshnessSla of flow " + id);
            require(lifecycle, "lifecycle of flow " + id);
        }

        @Override
        public String toString() {
            return id;
        }
    }

    record Trigger(TriggerType type, String expression) {
        Trigger {
            require(type, "trigger type");
            requireText(expression, "trigger expression");
            // Six fields (second minute hour day month weekday), the form Spring's CronExpression reads.
            if (type == TriggerType.CRON && expression.trim().split("\\s+").length != 6) {
                throw new IllegalArgumentException("cron expression needs 6 fields: '" + expression + "'");
            }
        }
    }

    record Delivery(int maxRetries, Duration backoff, String deadLetterChannel, boolean replayable) {
        Delivery {
            if (maxRetries < 0 || maxRetries > 100) {
                throw new IllegalArgumentException("maxRetries must be within 0..100, was " + maxRetries);
            }
            require(backoff, "backoff");
            if (backoff.isNegative() || backoff.isZero()) {
                throw new IllegalArgumentException("backoff must be positive, was " + backoff);
            }
            requireText(deadLetterChannel, "deadLetterChannel");
        }
    }

    /** Exactly one of {@code maxAge} (ISO-8601 duration) and {@code dailyBy} (HH:mm, UTC). */
    record FreshnessSla(Duration maxAge, String dailyBy) {
        FreshnessSla {
            if ((maxAge == null) == (dailyBy == null)) {
                throw new IllegalArgumentException("freshnessSla needs exactly one of maxAge and dailyBy");
            }
            if (maxAge != null && (maxAge.isNegative() || maxAge.isZero())) {
                throw new IllegalArgumentException("maxAge must be positive, was " + maxAge);
            }
            if (dailyBy != null) {
                requireMatch(dailyBy, HH_MM, "dailyBy");
                try {
                    LocalTime.parse(dailyBy);
                } catch (DateTimeParseException e) {
                    throw new IllegalArgumentException("dailyBy is not a time of day: " + dailyBy, e);
                }
            }
        }
    }

    // ---- checks shared by the records

    private static <T> T require(T value, String what) {
        return Objects.requireNonNull(value, () -> what + " is missing");
    }

    private static void requireText(String value, String what) {
        if (require(value, what).isBlank()) {
            throw new IllegalArgumentException(what + " is blank");
        }
    }

    private static void requireMatch(String value, Pattern pattern, String what) {
        if (!pattern.matcher(require(value, what)).matches()) {
            throw new IllegalArgumentException(what + " '" + value + "' does not match " + pattern);
        }
    }
}
