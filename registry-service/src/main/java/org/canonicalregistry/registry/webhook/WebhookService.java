package org.canonicalregistry.registry.webhook;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.canonicalregistry.registry.audit.StateFingerprint;
import org.canonicalregistry.registry.problem.InvalidField;
import org.canonicalregistry.registry.problem.ProblemType;
import org.canonicalregistry.registry.problem.RegistryException;
import org.canonicalregistry.registry.security.AccessPolicy;
import org.canonicalregistry.registry.security.Principal;
import org.canonicalregistry.registry.security.Role;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Webhook subscriptions: create, read, list, delete, and their deliveries. Every method takes the acting
 * {@link Principal} first and decides with {@link AccessPolicy}: ADMIN or OWNER may subscribe; the creator or an
 * ADMIN may read, list deliveries of and delete a subscription; listing shows an ADMIN everything and anyone else
 * their own. Create and delete each publish one audited change in their transaction. Thread-safe.
 */
@Service
class WebhookService {

    static final int MIN_SECRET_LENGTH = 16;
    static final int MAX_SECRET_LENGTH = 256;
    static final int MAX_PAGE_SIZE = 200;

    private static final SecureRandom RANDOM = new SecureRandom();

    private final WebhookRepository repository;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    WebhookService(WebhookRepository repository, ApplicationEventPublisher events, Clock clock) {
        this.repository = repository;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Stores a subscription. {@code secret} null means "generate one"; the returned subscription carries the
     * secret, which no other method ever returns.
     *
     * @throws RegistryException FORBIDDEN unless ADMIN or OWNER; VALIDATION_FAILED naming every bad field
     *         ({@code /url}, {@code /eventTypes/<i>}, {@code /secret}) with nothing stored
     */
    @Transactional
    public WebhookSubscription subscribe(Principal principal, String url, List<String> eventTypes, String secret) {
        AccessPolicy.requireAnyRole(principal, "create a webhook subscription", Role.ADMIN, Role.OWNER);
        List<InvalidField> errors = new ArrayList<>();
        DeliveryAddress.problemWith(url).ifPresent(why -> errors.add(new InvalidField("/url", "url " + why)));
        Set<WebhookEventType> types = EnumSet.noneOf(WebhookEventType.class);
        if (eventTypes == null || eventTypes.isEmpty()) {
            errors.add(new InvalidField("/eventTypes", "needs at least one event type, of " + WebhookEventType.allTypes()));
        } else {
            for (int i = 0; i < eventTypes.size(); i++) {
                String type = eventTypes.get(i);
                Optional<WebhookEventType> known = WebhookEventType.fromType(type);
                if (known.isPresent()) {
                    types.add(known.get());
                } else {
                    errors.add(new InvalidField("/eventTypes/" + i, "unknown event type " + RegistryException.quoted(type)
                            + "; known types are " + WebhookEventType.allTypes()));
                }
            }
        }
        if (secret != null) {
            int length = secret.codePointCount(0, secret.length());
            if (length < MIN_SECRET_LENGTH || length > MAX_SECRET_LENGTH) {
                errors.add(new InvalidField("/secret", "secret must have " + MIN_SECRET_LENGTH + " to "
                        + MAX_SECRET_LENGTH + " characters (had " + length + "); omit it to have one generated"));
            } else if (secret.codePoints().anyMatch(Character::isISOControl)) {
                errors.add(new InvalidField("/secret", "secret must not contain control characters"));
            }
        }
        if (!errors.isEmpty()) {
            throw RegistryException.validationFailed(errors);
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        WebhookSubscription subscription = new WebhookSubscription(UUID.randomUUID().toString(), url, types,
                secret == null ? generatedSecret() : secret, principal.name(), now);
        repository.insert(subscription);
        events.publishEvent(new SubscriptionChanged(SubscriptionChanged.CREATED, subscription.id(), principal.name(),
                null, StateFingerprint.of(subscription.auditedState()), now));
        return subscription;
    }

    /** Oldest first: all for an ADMIN, the principal's own otherwise. */
    @Transactional(readOnly = true)
    public List<WebhookSubscription> list(Principal principal) {
        return repository.list(principal.isAdmin() ? null : principal.name());
    }

    /** @throws RegistryException SUBSCRIPTION_NOT_FOUND, or FORBIDDEN unless creator or ADMIN */
    @Transactional(readOnly = true)
    public WebhookSubscription get(Principal principal, String id) {
        return authorized(principal, id, "read webhook subscription " + RegistryException.quoted(id));
    }

    /** Newest first, at most {@code limit} (clamped to 1..200); {@code status} null means any. */
    @Transactional(readOnly = true)
    public List<Delivery> deliveries(Principal principal, String id, DeliveryStatus status, int limit) {
        authorized(principal, id, "read the deliveries of webhook subscription " + RegistryException.quoted(id));
        return repository.deliveries(id, status, Math.max(1, Math.min(MAX_PAGE_SIZE, limit)));
    }

    /** Deletes the subscription and every delivery of it, sent or not. */
    @Transactional
    public void delete(Principal principal, String id) {
        WebhookSubscription subscription = authorized(principal, id,
                "delete webhook subscription " + RegistryException.quoted(id));
        repository.delete(id);
        events.publishEvent(new SubscriptionChanged(SubscriptionChanged.DELETED, id, principal.name(),
                StateFingerprint.of(subscription.auditedState()), null, clock.instant()));
    }

    private WebhookSubscription authorized(Principal principal, String id, String action) {
        WebhookSubscription subscription = repository.find(id).orElseThrow(() -> new RegistryException(
                ProblemType.SUBSCRIPTION_NOT_FOUND, "no webhook subscription with id " + RegistryException.quoted(id),
                Map.of("subscription", id)));
        AccessPolicy.requireOwnerOrAdmin(principal, action, "the subscription (its creator)",
                List.of(subscription.createdBy()));
        return subscription;
    }

    private static String generatedSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return "whsec_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
