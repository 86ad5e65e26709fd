package org.canonicalregistry.registry.flow;

import java.util.Objects;

/**
 * One broken ownership rule, located by record and field so a REST call can report a JSON pointer and an import a
 * file and line.
 *
 * @param kind which list the record is in
 * @param index the record's position in that list
 * @param field the field's name as the YAML and JSON spell it ({@code source}, {@code freshnessSla}); null for the
 *              record as a whole
 * @param message what is wrong, naming the offending value
 * @param conflict whether the record is well-formed but collides with another one (duplicate key, a second
 *                 AUTHORITATIVE system); REST reports those as 409
 */
record Violation(Kind kind, int index, String field, String message, boolean conflict) {

    enum Kind { SYSTEM, SYSTEM_OF_RECORD, FLOW }

    Violation {
        Objects.requireNonNull(kind);
        Objects.requireNonNull(message);
    }
}
