package org.canonicalregistry.registry.sample;


import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.canonicalregistry.registry.entity.CompatibilityMode;
import org.canonicalregistry.registry.entity.EntityService;
import org.canonicalregistry.registry.entity.NewEntity;
import org.canonicalregistry.registry.flow.ImportReport;
import org.canonicalregistry.registry.flow.OwnershipImport;
import org.canonicalregistry.registry.problem.RegistryException;
import org.canonicalregistry.registry.schema.RegistrationResult;
import org.canonicalregistry.registry.schema.SchemaVersionService;
import org.canonicalregistry.registry.security.NewPrincipal;
import org.canonicalregistry.registry.security.Principal;
import org.canonicalregistry.registry.security.PrincipalService;
import org.canonicalregistry.registry.security.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * On start against an empty registry (no entities), imports the sample canonical models shipped in the
 * model-definitions jar: one entity and its version 1.0 per {@code canonical-models/entities/*.schema.json}, in
 * reference order, with metadata from {@code canonical-models/ownership/*.yaml} where present. Every owner named
 * there becomes a principal with role OWNER (display name and email from the file's {@code principals:} list; no
 * tokens: an ADMIN issues those), so the sample entities' owners exist. Existing principals are left as they are.
 *
 * <p>Safe with several instances starting at once: the whole import is one transaction that first locks the
 * {@code sample-import} row of {@code bootstrap_task}; a second instance waits on that lock, then finds entities
 * and skips. A sample that fails to import rolls the whole import back and is logged as an error naming the file;
 * the registry still starts (empty). Disabled by {@code registry.samples.enabled=false}.
 */
@Component
@ConditionalOnProperty(name = "registry.samples.enabled", havingValue = "true", matchIfMissing = true)
class SampleImport implements ApplicationRunner {

    static final String ACTOR = "registry-samples";
    static final String DEFAULT_DOMAIN = "general";
    private static final Logger LOG = LoggerFactory.getLogger(SampleImport.class);

    /** What a start-up did. */
    sealed interface Outcome permits Imported, Skipped, Failed {
    }

    record Imported(List<String> entities) implements Outcome {
        Imported {
            entities = List.copyOf(entities);
        }
    }

    record Skipped(String why) implements Outcome {
        Skipped {
            Objects.requireNonNull(why);
        }
    }

    record Failed(String file, String why) implements Outcome {
    }

    private final EntityService entities;
    private final SchemaVersionService versions;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final SampleCatalog catalog;
    private final PrincipalService principals;

    SampleImport(EntityService entities, SchemaVersionService versions, PrincipalService principals, JdbcClient jdbc,
                 TransactionTemplate transaction, JsonMapper json, OwnershipImport ownership) {
        this.ownership = ownership;
        this.entities = entities;
        this.principals = principals;
        this.versions = versions;
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.catalog = new SampleCatalog(SampleImport.class.getClassLoader(), json);
        this.json = json;
    }

    private final JsonMapper json;
    private final OwnershipImport ownership;

    @Override
    public void run(ApplicationArguments args) {
        Outcome outcome = importIfEmpty();
        if (outcome instanceof Imported imported) {
            LOG.info("Imported sample models into the empty registry: {}", imported.entities());
            importOwnership();
        } else if (outcome instanceof Skipped skipped) {
            LOG.info("Sample import skipped: {}", skipped.why());
        } else if (outcome instanceof Failed failed) {
            LOG.error("Sample import rolled back; the registry starts empty. {} was rejected: {}", failed.file(), failed.why());
        }
    }

    /** Runs the import if, under the bootstrap lock, the registry has no entity. */
    Outcome importIfEmpty() {
        List<SampleModel> models = catalog.modelsInDependencyOrder();
        if (models.isEmpty()) {
            return new Skipped("no sample models on the classpath (" + SampleCatalog.ENTITIES + ")");
        }
        String[] current = {null};
        try {
            return transaction.execute(status -> {
                lockBootstrapRow();
                if (entities.count() > 0) {
                    return new Skipped("the registry already has entities");
                }
                Map<String, SampleMetadata> metadata = catalog.metadata(models.stream().map(SampleModel::entity).toList());
                List<String> imported = new ArrayList<>();
                Set<String> owners = new TreeSet<>();
                for (SampleModel model : models) {
                    current[0] = model.file();
                    NewEntity entity = newEntity(model, metadata.getOrDefault(model.entity(), SampleMetadata.NONE));
                    owners.addAll(entity.owners());
                    entities.create(Principal.SYSTEM, entity);
                    RegistrationResult result = versions.register(model.entity(), model.schema(), false,
                            "sample model imported on first start", ACTOR);
                    imported.add(result.version().coordinates());
                }
                current[0] = SampleCatalog.OWNERSHIP;
                createOwners(owners);
                jdbc.sql("UPDATE bootstrap_task SET completed_at = CURRENT_TIMESTAMP WHERE name = 'sample-import'").update();
                return new Imported(imported);
            });
        } catch (RegistryException e) {
            return new Failed(String.valueOf(current[0]), e.getMessage());
        }
    }

    private void createOwners(Set<String> owners) {
        Map<String, SamplePerson> people = catalog.people();
        for (String owner : owners) {
            SamplePerson person = people.getOrDefault(owner, new SamplePerson(owner, null, null));
            NewPrincipal principal;
            try {
                principal = new NewPrincipal(owner, person.displayName(), person.email(), Set.of(Role.OWNER));
            } catch (RegistryException e) {
                LOG.warn("Sample owner {} is not created as a principal: {}", owner, e.getMessage());
                continue;
            }
            principals.createIfAbsent(Principal.SYSTEM, principal);
        }
    }

    /**
     * The sample systems, systems of record and flows (so the quickstart has a map), applied in their own transaction
     * after the entities they name are committed. Ownership data is a nicety: when the files break a rule, the
     * registry keeps its entities and logs every problem.
     */
    void importOwnership() {
        List<OwnershipImport.File> files = catalog.ownershipFiles().entrySet().stream()
                .map(e -> new OwnershipImport.File("ownership/" + e.getKey(), e.getValue())).toList();
        if (files.isEmpty()) {
            return;
        }
        try {
            ImportReport report = ownership.importFiles(Principal.SYSTEM, files, true);
            LOG.info("Imported the sample ownership records: {} changes", report.changes().size());
            // Flow owners take part in breaking-change approvals, so each needs to be a principal, like entity owners.
            transaction.executeWithoutResult(status -> createOwners(new TreeSet<>(ownership.flowOwners())));
        } catch (RegistryException e) {
            LOG.warn("Sample ownership records not imported: {} {}", e.getMessage(), e.extensions().getOrDefault("errors", ""));
        }
    }

    private void lockBootstrapRow() {
        boolean present = jdbc.sql("SELECT name FROM bootstrap_task WHERE name = 'sample-import' FOR UPDATE")
                .query(String.class).optional().isPresent();
        if (!present) {
            throw new IllegalStateException("bootstrap_task row 'sample-import' is missing: the Liquibase changelog was not applied");
        }
    }

    /** Metadata from YAML where valid; any field the rules reject falls back to the default, with a warning. */
    private NewEntity newEntity(SampleModel model, SampleMetadata meta) {
        String description = meta.description() != null ? meta.description() : schemaDescription(model);
        CompatibilityMode mode = null;
        if (meta.compatibility() != null) {
            try {
                mode = CompatibilityMode.valueOf(meta.compatibility().trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                LOG.warn("Sample {}: unknown compatibility '{}', using the default", model.entity(), meta.compatibility());
            }
        }
        try {
            return new NewEntity(model.entity(), meta.domain() == null ? DEFAULT_DOMAIN : meta.domain(), description,
                    meta.owners(), mode, null, meta.systemOfRecord());
        } catch (RegistryException e) {
            LOG.warn("Sample {}: ownership metadata rejected ({}); using defaults", model.entity(), e.getMessage());
            return new NewEntity(model.entity(), DEFAULT_DOMAIN, null, null, mode, null, null);
        }
    }

    private String schemaDescription(SampleModel model) {
        JsonNode d = json.readTree(model.schema()).get("description");
        if (d == null || !d.isString()) {
            return null;
        }
        String text = d.asString();
        return text.length() > 2000 ? text.substring(0, 1999) + "…" : text;
    }
}
