package org.canonicalregistry.registry.flow;

import java.util.List;
import java.util.Objects;

/**
 * What an ownership import changed (applied) or would change (dry run).
 *
 * @param applied whether the changes were written
 * @param changes every record created, updated or deleted, systems first, then systems of record, then flows
 * @param unchanged how many records the files hold exactly as stored
 */
public record ImportReport(boolean applied, List<Change> changes, int unchanged) {

    public ImportReport {
        changes = List.copyOf(changes);
    }

    /**
     * @param kind {@code system}, {@code system-of-record} or {@code flow}
     * @param key the record's key ({@code crm}, {@code customer/crm}, {@code crm-to-erp-customer})
     */
    public record Change(String kind, String key, Action action) {
        public Change {
            Objects.requireNonNull(kind);
            Objects.requireNonNull(key);
            Objects.requireNonNull(action);
        }
    }

    /** What happens to one record. */
    public enum Action { CREATE, UPDATE, DELETE }
}
