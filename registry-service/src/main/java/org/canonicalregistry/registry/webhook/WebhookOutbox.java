package org.canonicalregistry.registry.webhook;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.canonicalregistry.registry.audit.AuditedChange;
import org.canonicalregistry.registry.proposal.ProposalDecided;
import org.canonicalregistry.registry.proposal.ProposalOpened;
import org.canonicalregistry.registry.proposal.ProposalPublished;
import org.canonicalregistry.registry.schema.SchemaState;
import org.canonicalregistry.registry.schema.SchemaVersionStateChanged;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The transactional outbox: turns registry events into one CloudEvent row plus one PENDING delivery per
 * subscription that asked for the event's type, in the transaction of the change. A commit therefore stores the
 * change and everything that must be sent about it; a rollback stores neither. The dispatcher sends them later.
 *
 * <p>The CloudEvent is rendered once, here, so every attempt sends the same bytes with the same {@code id}.
 */
@Component
class WebhookOutbox {

    private final WebhookRepository repository;
    private final JsonMapper json;
    private final Clock clock;
    private final String source;

    WebhookOutbox(WebhookRepository repository, JsonMapper json, Clock clock, WebhookSettings settings) {
        this.repository = repository;
        this.json = json;
        this.clock = clock;
        this.source = settings.source();
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void proposalOpened(ProposalOpened event) {
        enqueue(WebhookEventType.PROPOSAL_OPENED, event);
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void proposalDecided(ProposalDecided event) {
        enqueue(WebhookEventType.PROPOSAL_DECIDED, event);
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void proposalPublished(ProposalPublished event) {
        enqueue(WebhookEventType.PROPOSAL_PUBLISHED, event);
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void versionStateChanged(SchemaVersionStateChanged event) {
        if (event.to() == SchemaState.RETIRED) {
            enqueue(WebhookEventType.VERSION_RETIRED, event);
        } else if (event.to() == SchemaState.DEPRECATED) {
            enqueue(WebhookEventType.VERSION_DEPRECATED, event);
        }
    }

    private void enqueue(WebhookEventType type, AuditedChange change) {
        List<String> subscribers = repository.subscribersOf(type);
        if (subscribers.isEmpty()) {
            return;
        }
        String eventId = UUID.randomUUID().toString();
        repository.insertEvent(eventId, type, change.target(), change.occurredAt(),
                cloudEvent(eventId, type, change));
        Instant now = clock.instant();
        for (String subscription : subscribers) {
            repository.insertDelivery(UUID.randomUUID().toString(), subscription, eventId, now);
        }
    }

    /**
     * Structured-mode CloudEvents 1.0 JSON; {@code data} is the event record's components as JSON members, and
     * {@code subject} the changed target ({@code proposal:42}, {@code schema-version:customer@1.2}).
     */
    String cloudEvent(String id, WebhookEventType type, AuditedChange change) {
        ObjectNode event = json.createObjectNode();
        event.put("specversion", "1.0");
        event.put("id", id);
        event.put("source", source);
        event.put("type", type.type());
        event.put("subject", change.target());
        event.put("time", change.occurredAt().truncatedTo(ChronoUnit.MICROS).toString());
        event.put("datacontenttype", "application/json");
        event.set("data", json.valueToTree(change));
        return json.writeValueAsString(event);
    }
}
