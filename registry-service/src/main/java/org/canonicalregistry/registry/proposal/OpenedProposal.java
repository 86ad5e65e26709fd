package org.canonicalregistry.registry.proposal;

/** What opening a proposal did: opened a new one, or found an undecided one with identical content. */
public sealed interface OpenedProposal {

    ChangeProposal proposal();

    /** A new proposal was stored. */
    record Opened(ChangeProposal proposal) implements OpenedProposal {
    }

    /** An undecided proposal of the entity already has identical canonical content; nothing was stored. */
    record AlreadyProposed(ChangeProposal proposal) implements OpenedProposal {
    }
}
