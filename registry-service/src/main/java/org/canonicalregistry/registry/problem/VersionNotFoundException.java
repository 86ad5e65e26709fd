package org.canonicalregistry.registry.problem;

import java.util.Map;

/** The entity exists but has no schema version matching the request ({@link ProblemType#VERSION_NOT_FOUND}, 404). */
public class VersionNotFoundException extends RegistryException {

    private static final long serialVersionUID = 1L;

    /**
     * @param what the requested version as the caller wrote it, e.g. {@code customer@2.3}, {@code customer@latest}
     *             or {@code global id 42}
     */
    public VersionNotFoundException(String what) {
        super(ProblemType.VERSION_NOT_FOUND, "no schema version " + what, Map.of("version", what));
    }
}
