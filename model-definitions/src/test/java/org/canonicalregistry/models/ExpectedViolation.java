package org.canonicalregistry.models;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Why an invalid example must fail, from {@code examples/<entity>/expected-violations.json}: the JSON
 * pointer of the instance location ({@code at}, "" for the root) and the keyword that rejects it. Keeping
 * the reason next to the file stops an invalid example from "passing" by failing for some other reason.
 */
record ExpectedViolation(String at, String keyword) {

    ExpectedViolation {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(keyword, "keyword");
        if (!at.isEmpty() && !at.startsWith("/")) {
            throw new IllegalArgumentException("at must be a JSON pointer, was '" + at + "'");
        }
    }

    /** Keyed by example name (file name without {@code .json}). */
    static Map<String, ExpectedViolation> of(String entity) {
        byte[] json = ModelFiles.read(ModelFiles.EXAMPLES.resolve(entity).resolve("expected-violations.json"));
        return new LinkedHashMap<>(JsonMapper.shared().readValue(json, new TypeReference<Map<String, ExpectedViolation>>() { }));
    }

    /** True if {@code pointer} is {@link #at} or below it (validators differ in where they report). */
    boolean covers(String pointer) {
        return pointer.equals(at) || pointer.startsWith(at + "/");
    }

    /** True if {@code pointer} is on the path from the root to {@link #at} or below it: the same failure seen from another level. */
    boolean relatedTo(String pointer) {
        return covers(pointer) || at.startsWith(pointer + "/") || pointer.isEmpty();
    }
}
