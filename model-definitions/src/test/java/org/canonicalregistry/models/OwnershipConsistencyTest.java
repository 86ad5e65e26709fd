package org.canonicalregistry.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.canonicalregistry.models.Ownership.ConnectedSystem;
import org.canonicalregistry.models.Ownership.DataFlow;
import org.canonicalregistry.models.Ownership.EntityOwnership;
import org.canonicalregistry.models.Ownership.FlowsFile;
import org.canonicalregistry.models.Ownership.Lifecycle;
import org.canonicalregistry.models.Ownership.OwnersFile;
import org.canonicalregistry.models.Ownership.Principal;
import org.canonicalregistry.models.Ownership.SourceRole;
import org.canonicalregistry.models.Ownership.SystemKind;
import org.canonicalregistry.models.Ownership.SystemOfRecord;
import org.canonicalregistry.models.Ownership.SystemsFile;
import org.canonicalregistry.models.Ownership.SystemsOfRecordFile;
import org.canonicalregistry.models.Ownership.Team;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The ownership files agree with each other and with the entity schemas: every code they mention exists,
 * every entity has exactly one system of record, and every flow is owned and runs between systems that
 * actually hold the entity. The registry imports these files on first start, so a dangling reference here
 * would become a broken import there.
 */
class OwnershipConsistencyTest {

    /** The entity files in this module are the 1.0 line; a flow cannot consume a major that does not exist. */
    private static final int CURRENT_MAJOR = 1;

    private static final SystemsFile SYSTEMS = Ownership.read("systems.yaml", SystemsFile.class);
    private static final OwnersFile OWNERS = Ownership.read("owners.yaml", OwnersFile.class);
    private static final SystemsOfRecordFile RECORDS = Ownership.read("systems-of-record.yaml", SystemsOfRecordFile.class);
    private static final FlowsFile FLOWS = Ownership.read("flows.yaml", FlowsFile.class);

    private static final Map<String, ConnectedSystem> SYSTEM_BY_CODE = index(SYSTEMS.systems(), ConnectedSystem::code);
    private static final Set<String> TEAM_CODES = codes(OWNERS.teams(), Team::code);
    private static final Set<String> PRINCIPAL_NAMES = codes(OWNERS.principals(), Principal::name);

    static Stream<DataFlow> flows() {
        return FLOWS.flows().stream();
    }

    /** A planned, deprecated or retired flow may point at systems that are not (or no longer) live. */
    static Stream<DataFlow> activeFlows() {
        return flows().filter(flow -> flow.lifecycle() == Lifecycle.ACTIVE);
    }

    static Stream<EntityOwnership> entities() {
        return OWNERS.entities().stream();
    }

    @Test
    void codesAndNamesAreUnique() {
        assertThat(SYSTEMS.systems()).extracting(ConnectedSystem::code).doesNotHaveDuplicates();
        assertThat(OWNERS.teams()).extracting(Team::code).doesNotHaveDuplicates();
        assertThat(OWNERS.principals()).extracting(Principal::name).doesNotHaveDuplicates();
        assertThat(OWNERS.principals()).extracting(Principal::email).doesNotHaveDuplicates();
        assertThat(OWNERS.entities()).extracting(EntityOwnership::entity).doesNotHaveDuplicates();
    }

    @Test
    void flowIdsAreUnique() {
        assertThat(FLOWS.flows()).extracting(DataFlow::id).doesNotHaveDuplicates();
    }

    @Test
    void deadLetterChannelsAreNotShared() {
        // A shared dead-letter channel would mix rejects of different owners; replay must be per flow.
        assertThat(FLOWS.flows()).extracting(flow -> flow.delivery().deadLetterChannel()).doesNotHaveDuplicates();
    }

    @Test
    void systemsAreOwnedByKnownTeams() {
        assertThat(SYSTEMS.systems())
                .allSatisfy(system -> assertThat(TEAM_CODES).as("owner team of system %s", system.code()).contains(system.ownerTeam()));
    }

    @Test
    void principalsBelongToKnownTeams() {
        assertThat(OWNERS.principals()).allSatisfy(principal -> assertThat(principal.teams())
                .as("teams of %s", principal.name())
                .isNotEmpty()
                .allSatisfy(team -> assertThat(TEAM_CODES).contains(team)));
    }

    @Test
    void exactlyOneSystemIsTheHub() {
        assertThat(SYSTEMS.systems()).filteredOn(system -> system.kind() == SystemKind.HUB).hasSize(1);
    }

    @Test
    void ownershipCoversExactlyTheEntityFiles() {
        assertThat(OWNERS.entities()).extracting(EntityOwnership::entity)
                .containsExactlyInAnyOrderElementsOf(ModelFiles.entityNames());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("entities")
    void entityHasOneOrTwoOwnersAndKnownStewards(EntityOwnership entity) {
        assertThat(entity.owners()).as("owners of %s", entity.entity()).hasSizeBetween(1, 2).doesNotHaveDuplicates()
                .allSatisfy(owner -> assertThat(PRINCIPAL_NAMES).contains(owner));
        assertThat(entity.stewards()).as("stewards of %s", entity.entity()).hasSizeBetween(1, 2).doesNotHaveDuplicates()
                .allSatisfy(steward -> assertThat(PRINCIPAL_NAMES).contains(steward))
                .doesNotContainAnyElementsOf(entity.owners());
    }

    @Test
    void systemsOfRecordNameKnownEntitiesAndSystems() {
        Set<String> entities = Set.copyOf(ModelFiles.entityNames());
        assertThat(RECORDS.systemsOfRecord()).allSatisfy(record -> {
            assertThat(entities).as("entity of %s", record).contains(record.entity());
            assertThat(SYSTEM_BY_CODE).as("system of %s", record).containsKey(record.system());
        });
    }

    @Test
    void eachSystemHasOneRolePerEntity() {
        assertThat(RECORDS.systemsOfRecord()).extracting(record -> record.entity() + "/" + record.system()).doesNotHaveDuplicates();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("entities")
    void entityHasExactlyOneAuthoritativeSystemForTheWholeDocument(EntityOwnership entity) {
        assertThat(recordsOf(entity.entity()))
                .filteredOn(record -> record.role() == SourceRole.AUTHORITATIVE && record.wholeEntity())
                .hasSize(1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("entities")
    void scopedPointerHasAtMostOneAuthoritativeSystem(EntityOwnership entity) {
        Map<String, List<String>> authoritativeByPointer = new HashMap<>();
        recordsOf(entity.entity()).stream()
                .filter(record -> record.role() == SourceRole.AUTHORITATIVE)
                .forEach(record -> record.scope().forEach(pointer ->
                        authoritativeByPointer.computeIfAbsent(pointer, key -> new java.util.ArrayList<>()).add(record.system())));
        assertThat(authoritativeByPointer).allSatisfy((pointer, systems) -> assertThat(systems).as("authoritative for %s", pointer).hasSize(1));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("entities")
    void scopePointersNamePropertiesOfTheSchema(EntityOwnership entity) {
        JsonNode schema = JsonMapper.shared().readTree(ModelFiles.read(ModelFiles.schemaFile(entity.entity())));
        assertThat(recordsOf(entity.entity()))
                .flatMap(SystemOfRecord::scope)
                .allSatisfy(pointer -> assertThat(propertySchema(schema, pointer)).as("%s in %s", pointer, entity.entity()).isNotNull());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("entities")
    void contributorRanksDoNotTie(EntityOwnership entity) {
        assertThat(recordsOf(entity.entity()))
                .filteredOn(record -> record.role() == SourceRole.CONTRIBUTOR)
                .extracting(SystemOfRecord::rank)
                .doesNotHaveDuplicates();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("flows")
    void flowReferencesKnownEntitySystemsAndOwner(DataFlow flow) {
        assertThat(ModelFiles.entityNames()).as("entity").contains(flow.entity());
        assertThat(SYSTEM_BY_CODE).as("source").containsKey(flow.source());
        assertThat(SYSTEM_BY_CODE).as("target").containsKey(flow.target());
        assertThat(PRINCIPAL_NAMES).as("owner").contains(flow.owner());
        assertThat(flow.consumesMajor()).as("consumesMajor").isBetween(1, CURRENT_MAJOR);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("flows")
    void flowIdNamesSourceTargetAndEntity(DataFlow flow) {
        String expectedPrefix = flow.source() + "-to-" + flow.target() + "-" + flow.entity();
        assertThat(flow.id().equals(expectedPrefix) || flow.id().startsWith(expectedPrefix + "-"))
                .as("flow id %s should be %s[-<what>]", flow.id(), expectedPrefix)
                .isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("flows")
    void flowRunsBetweenTwoSpokesThroughTheHub(DataFlow flow) {
        assertThat(flow.source()).isNotEqualTo(flow.target());
        assertThat(List.of(flow.source(), flow.target()))
                .allSatisfy(code -> assertThat(system(code).kind()).as("kind of %s", code).isNotEqualTo(SystemKind.HUB));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("flows")
    void flowSourceMastersOrContributesTheEntity(DataFlow flow) {
        assertThat(roleOf(flow.entity(), flow.source()))
                .as("role of source %s for %s in systems-of-record.yaml", flow.source(), flow.entity())
                .isIn(SourceRole.AUTHORITATIVE, SourceRole.CONTRIBUTOR);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("flows")
    void flowTargetIsRegisteredForTheEntity(DataFlow flow) {
        assertThat(roleOf(flow.entity(), flow.target()))
                .as("role of target %s for %s in systems-of-record.yaml", flow.target(), flow.entity())
                .isNotNull();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("activeFlows")
    void activeFlowConnectsLiveSystems(DataFlow flow) {
        Set<Lifecycle> live = EnumSet.of(Lifecycle.ACTIVE, Lifecycle.DEPRECATED);
        assertThat(List.of(flow.source(), flow.target()))
                .allSatisfy(code -> assertThat(system(code).lifecycle()).as("lifecycle of %s", code).isIn(live));
    }

    private static ConnectedSystem system(String code) {
        assertThat(SYSTEM_BY_CODE).as("systems.yaml").containsKey(code);
        return SYSTEM_BY_CODE.get(code);
    }

    private static List<SystemOfRecord> recordsOf(String entity) {
        return RECORDS.systemsOfRecord().stream().filter(record -> record.entity().equals(entity)).toList();
    }

    private static SourceRole roleOf(String entity, String system) {
        return recordsOf(entity).stream().filter(record -> record.system().equals(system))
                .map(SystemOfRecord::role).findFirst().orElse(null);
    }

    /**
     * The subschema an instance pointer such as {@code /paymentTerms/code} lands in, following
     * {@code properties} and local {@code #/$defs/...} references; null if the schema has no such property.
     */
    private static JsonNode propertySchema(JsonNode root, String instancePointer) {
        JsonNode node = root;
        for (String rawSegment : instancePointer.substring(1).split("/", -1)) {
            String segment = rawSegment.replace("~1", "/").replace("~0", "~");
            node = followLocalRef(root, node);
            JsonNode properties = node.get("properties");
            if (properties == null || properties.get(segment) == null) {
                return null;
            }
            node = properties.get(segment);
        }
        return node;
    }

    private static JsonNode followLocalRef(JsonNode root, JsonNode node) {
        JsonNode current = node;
        for (int hops = 0; hops < 16 && current.has("$ref") && current.get("$ref").asString().startsWith("#/"); hops++) {
            current = root.at(current.get("$ref").asString().substring(1));
        }
        return current;
    }

    private static <T> Map<String, T> index(List<T> values, Function<T, String> key) {
        return values.stream().collect(Collectors.toMap(key, Function.identity(), (first, second) -> first));
    }

    private static <T> Set<String> codes(List<T> values, Function<T, String> key) {
        return values.stream().map(key).collect(Collectors.toUnmodifiableSet());
    }
}
