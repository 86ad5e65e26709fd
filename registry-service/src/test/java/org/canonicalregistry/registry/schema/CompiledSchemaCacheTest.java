package org.canonicalregistry.registry.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.canonicalregistry.schema.CompiledSchema;
import org.canonicalregistry.schema.SchemaEngine;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class CompiledSchemaCacheTest {

    private final CompiledSchema compiled = SchemaEngine.withDefaults()
            .compile(JsonMapper.builder().build().readTree("{\"type\":\"object\"}"));

    @Test
    void aGlobalIdIsCompiledOnceWhileItStaysCached() {
        CompiledSchemaCache cache = new CompiledSchemaCache();
        AtomicInteger compilations = new AtomicInteger();

        CompiledSchema first = cache.get(7, () -> {
            compilations.incrementAndGet();
            return compiled;
        });
        CompiledSchema second = cache.get(7, () -> {
            compilations.incrementAndGet();
            return SchemaEngine.withDefaults().compile(JsonMapper.builder().build().readTree("{}"));
        });

        assertThat(second).isSameAs(first);
        assertThat(compilations).hasValue(1);
    }

    @Test
    void theCacheIsBoundedAndDropsTheLeastRecentlyUsed() {
        CompiledSchemaCache cache = new CompiledSchemaCache();
        for (long id = 0; id < CompiledSchemaCache.CAPACITY; id++) {
            cache.get(id, () -> compiled);
        }
        cache.get(0, () -> compiled);                      // touch 0: 1 is now the eldest
        cache.get(CompiledSchemaCache.CAPACITY, () -> compiled);

        assertThat(cache.size()).isEqualTo(CompiledSchemaCache.CAPACITY);
        AtomicInteger recompiled = new AtomicInteger();
        cache.get(0, () -> {
            recompiled.incrementAndGet();
            return compiled;
        });
        assertThat(recompiled).hasValue(0);
        cache.get(1, () -> {
            recompiled.incrementAndGet();
            return compiled;
        });
        assertThat(recompiled).hasValue(1);
    }
}
