package org.canonicalregistry.registry.console;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.canonicalregistry.registry.entity.Entity;
import org.canonicalregistry.registry.entity.EntityService;
import org.canonicalregistry.registry.flow.OwnershipService;
import org.canonicalregistry.registry.proposal.ProposalService;
import org.canonicalregistry.registry.proposal.ProposalState;
import org.canonicalregistry.registry.schema.SchemaVersion;
import org.canonicalregistry.registry.schema.SchemaVersionService;
import org.canonicalregistry.registry.schema.VersionSelector;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The catalogue: entities by domain with their owners and system of record; one entity's version timeline, systems
 * of record and consumers; one version as a field table an owner can read, with the raw JSON and a download.
 */
@Controller
class CatalogPages {

    private final EntityService entities;
    private final SchemaVersionService versions;
    private final OwnershipService ownership;
    private final ProposalService proposals;
    private final JsonMapper json;

    CatalogPages(EntityService entities, SchemaVersionService versions, OwnershipService ownership,
                 ProposalService proposals, JsonMapper json) {
        this.entities = entities;
        this.versions = versions;
        this.ownership = ownership;
        this.proposals = proposals;
        this.json = json;
    }

    @GetMapping("/entities")
    String list(Model model) {
        Map<String, List<Entity>> byDomain = entities.list(null, null).stream()
                .collect(Collectors.groupingBy(Entity::domain, TreeMap::new, Collectors.toList()));
        model.addAttribute("domains", byDomain);
        return "console/entities";
    }

    @GetMapping("/entities/{name}")
    String entity(@PathVariable String name, Model model) {
        Entity entity = entities.get(name);
        model.addAttribute("entity", entity);
        model.addAttribute("versions", newestFirst(versions.list(name)));
        model.addAttribute("systemsOfRecord", ownership.systemsOfRecord(name));
        model.addAttribute("consumers", ownership.flows(name, null, null));
        model.addAttribute("open", proposals.list(ProposalState.OPEN, name, null, 50));
        return "console/entity";
    }

    @GetMapping("/entities/{name}/versions/{version:\\d{1,9}\\.\\d{1,9}}")
    String version(@PathVariable String name, @PathVariable String version, Model model) {
        SchemaVersion v = exact(name, version);
        JsonNode schema = json.readTree(v.canonicalJson());
        model.addAttribute("entity", entities.get(name));
        model.addAttribute("v", v);
        model.addAttribute("fields", FieldTable.of(schema));
        model.addAttribute("raw", json.writerWithDefaultPrettyPrinter().writeValueAsString(schema));
        return "console/version";
    }

    /** The schema as a file; here rather than a link to the API so it downloads with the console session. */
    @GetMapping("/entities/{name}/versions/{version:\\d{1,9}\\.\\d{1,9}}/schema.json")
    ResponseEntity<byte[]> download(@PathVariable String name, @PathVariable String version) {
        SchemaVersion v = exact(name, version);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/schema+json"))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(v.entity() + "-" + v.version() + ".schema.json", StandardCharsets.UTF_8).build()
                        .toString())
                .body(v.canonicalJson().getBytes(StandardCharsets.UTF_8));
    }

    private static List<SchemaVersion> newestFirst(List<SchemaVersion> oldestFirst) {
        List<SchemaVersion> out = new java.util.ArrayList<>(oldestFirst);
        java.util.Collections.reverse(out);
        return out;
    }

    private SchemaVersion exact(String name, String version) {
        return versions.get(name, VersionSelector.parse(version));
    }
}
