package org.canonicalregistry.registry.flow;

import java.util.Objects;

/**
 * A system connected to the integration hub ({@code crm}, {@code erp}, the hub itself…). The rules a system must
 * keep are checked by {@link OwnershipRules}, so an import can report every broken one at once.
 *
 * @param code stable lower-kebab key, never renamed
 * @param name human name
 * @param kind SAAS, ERP, IN_HOUSE or HUB
 * @param ownerTeam code of the team owning it
 * @param description what it does; never null
 * @param lifecycle where it stands
 */
public record ConnectedSystem(String code, String name, Kind kind, String ownerTeam, String description,
                              Lifecycle lifecycle) {

    /** What sort of system it is; exactly the hub is {@link #HUB}. */
    public enum Kind { SAAS, ERP, IN_HOUSE, HUB }

    public ConnectedSystem {
        Objects.requireNonNull(code, "code");
    }
}
