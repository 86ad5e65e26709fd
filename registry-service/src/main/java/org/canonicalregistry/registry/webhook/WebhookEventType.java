package org.canonicalregistry.registry.webhook;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The registry events a webhook subscription can ask for, each with its CloudEvents {@code type}. */
enum WebhookEventType {
    PROPOSAL_OPENED("org.canonicalregistry.proposal.opened"),
    PROPOSAL_DECIDED("org.canonicalregistry.proposal.decided"),
    PROPOSAL_PUBLISHED("org.canonicalregistry.proposal.published"),
    VERSION_DEPRECATED("org.canonicalregistry.version.deprecated"),
    VERSION_RETIRED("org.canonicalregistry.version.retired");

    private final String type;

    WebhookEventType(String type) {
        this.type = type;
    }

    /** The CloudEvents {@code type} attribute, also what subscriptions list. */
    String type() {
        return type;
    }

    static Optional<WebhookEventType> fromType(String type) {
        return Arrays.stream(values()).filter(t -> t.type.equals(type)).findFirst();
    }

    static List<String> allTypes() {
        return Arrays.stream(values()).map(WebhookEventType::type).toList();
    }
}
