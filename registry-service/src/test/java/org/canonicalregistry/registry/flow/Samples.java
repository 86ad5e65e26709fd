package org.canonicalregistry.registry.flow;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.canonicalregistry.registry.entity.CompatibilityMode;
import org.canonicalregistry.registry.entity.EntityService;
import org.canonicalregistry.registry.entity.NewEntity;
import org.canonicalregistry.registry.security.Principal;
import org.canonicalregistry.registry.security.Role;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/** The sample landscape shipped in model-definitions ({@code canonical-models/ownership/*.yaml}) and test principals. */
final class Samples {

    static final Principal ADMIN = principal("ada.admin", Role.ADMIN);
    static final Principal ADAPTER = principal("hub.adapter", Role.ADAPTER);
    static final Principal DEVELOPER = principal("dana.dev", Role.DEVELOPER);
    static final Principal READER = principal("rita.reader", Role.READER);

    private Samples() {
    }

    static Principal principal(String name, Role... roles) {
        return new Principal(name, name, name + "@example.com", EnumSet.copyOf(Arrays.asList(roles)));
    }

    /** The sample ownership files, by name. */
    static List<OwnershipImport.File> files() {
        try {
            Resource[] found = new PathMatchingResourcePatternResolver().getResources("classpath*:canonical-models/ownership/*.yaml");
            List<OwnershipImport.File> out = new ArrayList<>();
            for (Resource r : found) {
                try (InputStream in = r.getInputStream()) {
                    out.add(new OwnershipImport.File("ownership/" + r.getFilename(),
                            new String(in.readAllBytes(), StandardCharsets.UTF_8)));
                }
            }
            out.sort(Comparator.comparing(OwnershipImport.File::path));
            if (out.size() < 4) {
                throw new IllegalStateException("the sample ownership files are not on the test classpath: " + out);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static OwnershipImport.File file(String name) {
        return files().stream().filter(f -> f.path().endsWith("/" + name)).findFirst().orElseThrow();
    }

    /** The four sample entities (no versions), with the owners owners.yaml names. */
    static void entities(EntityService entities) {
        entities.create(Samples.ADMIN, new NewEntity("customer", "sales", null, Set.of("sam.sales", "anna.finance"),
                CompatibilityMode.BACKWARD_TRANSITIVE, null, null));
        entities.create(Samples.ADMIN, new NewEntity("order", "commerce", null, Set.of("chris.commerce"),
                CompatibilityMode.BACKWARD_TRANSITIVE, null, null));
        entities.create(Samples.ADMIN, new NewEntity("invoice", "finance", null, Set.of("anna.finance", "felix.billing"),
                CompatibilityMode.FULL_TRANSITIVE, null, null));
        entities.create(Samples.ADMIN, new NewEntity("product", "catalog", null, Set.of("priya.catalog"),
                CompatibilityMode.BACKWARD_TRANSITIVE, null, null));
    }
}
