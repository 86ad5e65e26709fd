package org.canonicalregistry.registry.flow;

import java.util.List;
import org.canonicalregistry.registry.api.OwnershipImportApi;
import org.canonicalregistry.registry.api.model.OwnershipChange;
import org.canonicalregistry.registry.api.model.OwnershipFile;
import org.canonicalregistry.registry.api.model.OwnershipFiles;
import org.canonicalregistry.registry.api.model.OwnershipImportResult;
import org.canonicalregistry.registry.security.CurrentPrincipal;
import org.canonicalregistry.registry.security.Principal;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/v1/import} and {@code GET /api/v1/export}: ownership records as files. */
@RestController
class OwnershipImportController implements OwnershipImportApi {

    /** Who a dry run is attributed to when the caller sent no credentials (a dry run only reads). */
    private static final Principal ANONYMOUS = new Principal("anonymous", "anonymous", null, java.util.Set.of());

    private final OwnershipImport imports;
    private final CurrentPrincipal principal;

    OwnershipImportController(OwnershipImport imports, CurrentPrincipal principal) {
        this.imports = imports;
        this.principal = principal;
    }

    @Override
    public ResponseEntity<OwnershipImportResult> importOwnership(OwnershipFiles body, Boolean apply) {
        boolean write = Boolean.TRUE.equals(apply);
        Principal who = write ? principal.require() : principal.find().orElse(ANONYMOUS);
        List<OwnershipImport.File> files = body.getFiles().stream()
                .map(f -> new OwnershipImport.File(f.getPath(), f.getContent())).toList();
        ImportReport report = imports.importFiles(who, files, write);
        return ResponseEntity.ok(new OwnershipImportResult().applied(report.applied()).unchanged(report.unchanged())
                .changes(report.changes().stream().map(c -> new OwnershipChange()
                        .kind(OwnershipChange.KindEnum.fromValue(c.kind()))
                        .key(c.key()).action(OwnershipChange.ActionEnum.valueOf(c.action().name()))).toList()));
    }

    @Override
    public ResponseEntity<OwnershipFiles> exportOwnership() {
        return ResponseEntity.ok(new OwnershipFiles().files(imports.export().stream()
                .map(f -> new OwnershipFile().path("ownership/" + f.path()).content(f.content())).toList()));
    }
}
