package org.canonicalregistry.registry.flow;

import java.net.URI;
import java.util.List;
import org.canonicalregistry.registry.api.SystemsApi;
import org.canonicalregistry.registry.api.model.SystemDetails;
import org.canonicalregistry.registry.api.model.SystemOfRecordDeclaration;
import org.canonicalregistry.registry.problem.InvalidField;
import org.canonicalregistry.registry.problem.RegistryException;
import org.canonicalregistry.registry.security.CurrentPrincipal;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import tools.jackson.databind.JsonNode;

/** {@code /api/v1/systems…} and {@code /api/v1/systems-of-record…}. */
@RestController
class SystemController implements SystemsApi {

    private final OwnershipService ownership;
    private final AsyncApiDocuments asyncApi;
    private final CurrentPrincipal principal;

    SystemController(OwnershipService ownership, AsyncApiDocuments asyncApi, CurrentPrincipal principal) {
        this.ownership = ownership;
        this.asyncApi = asyncApi;
        this.principal = principal;
    }

    @Override
    public ResponseEntity<List<SystemDetails>> listSystems() {
        return ResponseEntity.ok(ownership.systems().stream().map(FlowRepresentation::toApi).toList());
    }

    @Override
    public ResponseEntity<SystemDetails> createSystem(SystemDetails body) {
        ConnectedSystem created = ownership.createSystem(principal.require(), FlowRepresentation.fromApi(body));
        URI location = ServletUriComponentsBuilder.fromCurrentContextPath().path("/api/v1/systems/{code}")
                .buildAndExpand(created.code()).toUri();
        return ResponseEntity.created(location).body(FlowRepresentation.toApi(created));
    }

    @Override
    public ResponseEntity<SystemDetails> getSystem(String code) {
        return ResponseEntity.ok(FlowRepresentation.toApi(ownership.system(code)));
    }

    @Override
    public ResponseEntity<SystemDetails> updateSystem(String code, SystemDetails body) {
        if (!code.equals(body.getCode())) {
            throw RegistryException.validationFailed(List.of(new InvalidField("/code", "must be the path's code "
                    + RegistryException.quoted(code) + ", was " + RegistryException.quoted(body.getCode()))));
        }
        return ResponseEntity.ok(FlowRepresentation.toApi(
                ownership.updateSystem(principal.require(), FlowRepresentation.fromApi(body))));
    }

    @Override
    public ResponseEntity<JsonNode> getSystemAsyncApi(String code) {
        String base = ServletUriComponentsBuilder.fromCurrentContextPath().toUriString();
        return ResponseEntity.ok(asyncApi.forSystem(code, base));
    }

    @Override
    public ResponseEntity<List<SystemOfRecordDeclaration>> listSystemsOfRecord(String entity) {
        return ResponseEntity.ok(ownership.systemsOfRecord(entity).stream().map(FlowRepresentation::toApi).toList());
    }

    @Override
    public ResponseEntity<SystemOfRecordDeclaration> declareSystemOfRecord(SystemOfRecordDeclaration body) {
        return ResponseEntity.ok(FlowRepresentation.toApi(
                ownership.declare(principal.require(), FlowRepresentation.fromApi(body))));
    }

    @Override
    public ResponseEntity<Void> withdrawSystemOfRecord(String entity, String system) {
        ownership.withdraw(principal.require(), entity, system);
        return ResponseEntity.noContent().build();
    }
}
