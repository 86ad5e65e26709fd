package org.canonicalregistry.registry.schema;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.canonicalregistry.schema.CompiledSchema;
import org.springframework.stereotype.Component;

/**
 * Compiled validators by global id. Content under a global id never changes, so entries never go stale; the map
 * is bounded (least recently used goes first) so that many versions cannot exhaust memory. Thread-safe; two
 * threads missing the same id may both compile, which is harmless.
 */
@Component
class CompiledSchemaCache {

    static final int CAPACITY = 512;

    private final Map<Long, CompiledSchema> entries = new LinkedHashMap<>(64, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, CompiledSchema> eldest) {
            return size() > CAPACITY;
        }
    };

    CompiledSchema get(long globalId, Supplier<CompiledSchema> compile) {
        synchronized (entries) {
            CompiledSchema hit = entries.get(globalId);
            if (hit != null) {
                return hit;
            }
        }
        CompiledSchema compiled = compile.get();
        synchronized (entries) {
            entries.putIfAbsent(globalId, compiled);
        }
        return compiled;
    }

    int size() {
        synchronized (entries) {
            return entries.size();
        }
    }
}
