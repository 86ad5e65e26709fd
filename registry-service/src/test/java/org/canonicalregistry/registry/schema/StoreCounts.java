package org.canonicalregistry.registry.schema;

import org.springframework.jdbc.core.simple.JdbcClient;

/** Row counts of every registry table: compared before and after a rejected call to prove nothing was written. */
record StoreCounts(long entities, long owners, long versions, long references) {

    static StoreCounts of(JdbcClient jdbc) {
        return new StoreCounts(count(jdbc, "entity"), count(jdbc, "entity_owner"), count(jdbc, "schema_version"),
                count(jdbc, "schema_reference"));
    }

    private static long count(JdbcClient jdbc, String table) {
        return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
    }
}
