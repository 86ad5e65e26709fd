package org.canonicalregistry.registry.webhook;

import java.net.URI;
import java.time.ZoneOffset;
import java.util.List;
import org.canonicalregistry.registry.api.WebhooksApi;
import org.canonicalregistry.registry.api.model.WebhookDeliveryStatus;
import org.canonicalregistry.registry.api.model.WebhookSubscriptionCreated;
import org.canonicalregistry.registry.api.model.WebhookSubscriptionRequest;
import org.canonicalregistry.registry.security.CurrentPrincipal;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/webhooks}: subscriptions and their deliveries. Every operation needs an authenticated principal;
 * {@link WebhookService} decides what it may do. The secret leaves only in the create answer.
 */
@RestController
class WebhookController implements WebhooksApi {

    private final WebhookService webhooks;
    private final CurrentPrincipal currentPrincipal;

    WebhookController(WebhookService webhooks, CurrentPrincipal currentPrincipal) {
        this.webhooks = webhooks;
        this.currentPrincipal = currentPrincipal;
    }

    @Override
    public ResponseEntity<WebhookSubscriptionCreated> createWebhookSubscription(WebhookSubscriptionRequest request) {
        WebhookSubscription created = webhooks.subscribe(currentPrincipal.require(), request.getUrl(),
                request.getEventTypes(), request.getSecret());
        WebhookSubscriptionCreated body = new WebhookSubscriptionCreated(created.id(), created.url(),
                apiTypes(created), created.createdBy(), created.createdAt().atOffset(ZoneOffset.UTC), created.secret());
        return ResponseEntity.created(URI.create("/api/v1/webhooks/" + created.id())).body(body);
    }

    @Override
    public ResponseEntity<List<org.canonicalregistry.registry.api.model.WebhookSubscription>> listWebhookSubscriptions() {
        return ResponseEntity.ok(webhooks.list(currentPrincipal.require()).stream()
                .map(WebhookController::toApi).toList());
    }

    @Override
    public ResponseEntity<org.canonicalregistry.registry.api.model.WebhookSubscription> getWebhookSubscription(String id) {
        return ResponseEntity.ok(toApi(webhooks.get(currentPrincipal.require(), id)));
    }

    @Override
    public ResponseEntity<Void> deleteWebhookSubscription(String id) {
        webhooks.delete(currentPrincipal.require(), id);
        return ResponseEntity.noContent().build();
    }

    @Override
    public ResponseEntity<List<org.canonicalregistry.registry.api.model.WebhookDelivery>> listWebhookDeliveries(
            String id, WebhookDeliveryStatus status, Integer limit) {
        List<Delivery> deliveries = webhooks.deliveries(currentPrincipal.require(), id,
                status == null ? null : DeliveryStatus.valueOf(status.getValue()), limit == null ? 50 : limit);
        return ResponseEntity.ok(deliveries.stream().map(WebhookController::toApi).toList());
    }

    private static org.canonicalregistry.registry.api.model.WebhookSubscription toApi(WebhookSubscription s) {
        return new org.canonicalregistry.registry.api.model.WebhookSubscription(s.id(), s.url(), apiTypes(s),
                s.createdBy(), s.createdAt().atOffset(ZoneOffset.UTC));
    }

    private static List<org.canonicalregistry.registry.api.model.WebhookEventType> apiTypes(WebhookSubscription s) {
        return s.sortedEventTypes().stream()
                .map(t -> org.canonicalregistry.registry.api.model.WebhookEventType.fromValue(t.type())).toList();
    }

    private static org.canonicalregistry.registry.api.model.WebhookDelivery toApi(Delivery d) {
        var api = new org.canonicalregistry.registry.api.model.WebhookDelivery(d.id(), d.subscriptionId(), d.eventId(),
                org.canonicalregistry.registry.api.model.WebhookEventType.fromValue(d.eventType()), d.subject(),
                WebhookDeliveryStatus.fromValue(d.status().name()), d.attempts(),
                d.nextAttemptAt().atOffset(ZoneOffset.UTC), d.createdAt().atOffset(ZoneOffset.UTC));
        api.setLastStatusCode(d.lastStatusCode());
        api.setLastError(d.lastError());
        api.setDeliveredAt(d.deliveredAt() == null ? null : d.deliveredAt().atOffset(ZoneOffset.UTC));
        return api;
    }
}
