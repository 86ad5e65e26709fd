package org.canonicalregistry.registry.webhook;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Storage of subscriptions ({@code webhook_subscription} + {@code webhook_subscription_event}) and of the outbox
 * ({@code webhook_event}, {@code webhook_delivery}). Callers own the transaction.
 */
@Repository
class WebhookRepository {

    /** A claimed delivery with what sending it needs. */
    record Attempt(String deliveryId, String eventId, int attemptNumber, String url, String secret, String cloudEvent) {
    }

    private final JdbcClient jdbc;

    WebhookRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // ------------------------------------------------------------------ subscriptions

    void insert(WebhookSubscription s) {
        jdbc.sql("""
                INSERT INTO webhook_subscription (id, url, secret, created_by, created_at)
                VALUES (:id, :url, :secret, :createdBy, :createdAt)
                """)
                .param("id", s.id())
                .param("url", s.url())
                .param("secret", s.secret())
                .param("createdBy", s.createdBy())
                .param("createdAt", utc(s.createdAt()))
                .update();
        for (WebhookEventType type : s.sortedEventTypes()) {
            jdbc.sql("INSERT INTO webhook_subscription_event (subscription_id, event_type) VALUES (:id, :type)")
                    .param("id", s.id())
                    .param("type", type.type())
                    .update();
        }
    }

    Optional<WebhookSubscription> find(String id) {
        return list("WHERE s.id = :id", Map.of("id", id)).stream().findFirst();
    }

    /** Oldest first; {@code createdBy} null lists everyone's. */
    List<WebhookSubscription> list(String createdBy) {
        return createdBy == null ? list("", Map.of()) : list("WHERE s.created_by = :createdBy", Map.of("createdBy", createdBy));
    }

    private List<WebhookSubscription> list(String where, Map<String, Object> params) {
        Map<String, WebhookSubscription> byId = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT s.id, s.url, s.secret, s.created_by, s.created_at, e.event_type
                  FROM webhook_subscription s JOIN webhook_subscription_event e ON e.subscription_id = s.id
                """ + where + " ORDER BY s.created_at, s.id, e.event_type")
                .params(params)
                .query((ResultSet rs) -> {
                    String id = rs.getString("id");
                    WebhookEventType type = WebhookEventType.fromType(rs.getString("event_type")).orElse(null);
                    WebhookSubscription seen = byId.get(id);
                    Set<WebhookEventType> types = seen == null ? EnumSet.noneOf(WebhookEventType.class)
                            : EnumSet.copyOf(seen.eventTypes());
                    if (type != null) {
                        types.add(type);
                    }
                    if (types.isEmpty()) {
                        return; // only types this version does not know: nothing to deliver, nothing to show
                    }
                    byId.put(id, new WebhookSubscription(id, rs.getString("url"), types, rs.getString("secret"),
                            rs.getString("created_by"), instant(rs, "created_at")));
                });
        return List.copyOf(byId.values());
    }

    /** Deletes the subscription, its event types and its deliveries (foreign keys cascade). */
    boolean delete(String id) {
        return jdbc.sql("DELETE FROM webhook_subscription WHERE id = :id").param("id", id).update() > 0;
    }

    /** Ids of the subscriptions asking for this event type. */
    List<String> subscribersOf(WebhookEventType type) {
        return jdbc.sql("SELECT subscription_id FROM webhook_subscription_event WHERE event_type = :type ORDER BY subscription_id")
                .param("type", type.type())
                .query(String.class)
                .list();
    }

    // ------------------------------------------------------------------ outbox

    void insertEvent(String id, WebhookEventType type, String subject, Instant occurredAt, String cloudEvent) {
        jdbc.sql("""
                INSERT INTO webhook_event (id, type, subject, occurred_at, cloud_event)
                VALUES (:id, :type, :subject, :occurredAt, :cloudEvent)
                """)
                .param("id", id)
                .param("type", type.type())
                .param("subject", subject)
                .param("occurredAt", utc(occurredAt))
                .param("cloudEvent", cloudEvent)
                .update();
    }

    void insertDelivery(String id, String subscriptionId, String eventId, Instant now) {
        jdbc.sql("""
                INSERT INTO webhook_delivery (id, subscription_id, event_id, status, attempts, next_attempt_at, created_at)
                VALUES (:id, :subscriptionId, :eventId, 'PENDING', 0, :now, :now)
                """)
                .param("id", id)
                .param("subscriptionId", subscriptionId)
                .param("eventId", eventId)
                .param("now", utc(now))
                .update();
    }

    /** Up to {@code limit} ids of deliveries due at {@code now} and not leased, the longest-waiting first. */
    List<String> due(Instant now, int limit) {
        return jdbc.sql("""
                SELECT id FROM webhook_delivery
                 WHERE status = 'PENDING' AND next_attempt_at <= :now AND (lease_until IS NULL OR lease_until <= :now)
                 ORDER BY next_attempt_at, id LIMIT :limit
                """)
                .param("now", utc(now))
                .param("limit", limit)
                .query(String.class)
                .list();
    }

    /**
     * Leases the delivery until {@code leaseUntil} and counts the attempt, if it is still due and unleased (another
     * dispatcher may have been faster). Atomic: one conditional UPDATE, so exactly one claimer wins.
     */
    Optional<Attempt> claim(String deliveryId, Instant now, Instant leaseUntil) {
        int claimed = jdbc.sql("""
                UPDATE webhook_delivery SET lease_until = :leaseUntil, attempts = attempts + 1
                 WHERE id = :id AND status = 'PENDING' AND next_attempt_at <= :now
                   AND (lease_until IS NULL OR lease_until <= :now)
                """)
                .param("id", deliveryId)
                .param("now", utc(now))
                .param("leaseUntil", utc(leaseUntil))
                .update();
        if (claimed == 0) {
            return Optional.empty();
        }
        return jdbc.sql("""
                SELECT d.id, d.event_id, d.attempts, s.url, s.secret, e.cloud_event
                  FROM webhook_delivery d
                  JOIN webhook_subscription s ON s.id = d.subscription_id
                  JOIN webhook_event e ON e.id = d.event_id
                 WHERE d.id = :id
                """)
                .param("id", deliveryId)
                .query((rs, n) -> new Attempt(rs.getString("id"), rs.getString("event_id"), rs.getInt("attempts"),
                        rs.getString("url"), rs.getString("secret"), rs.getString("cloud_event")))
                .optional();
    }

    /** Records the outcome of attempt {@code attemptNumber}; ignored if a later attempt has taken over since. */
    void recordDelivered(String deliveryId, int attemptNumber, int statusCode, Instant now) {
        jdbc.sql("""
                UPDATE webhook_delivery
                   SET status = 'DELIVERED', lease_until = NULL, last_status_code = :code, last_error = NULL,
                       delivered_at = :now
                 WHERE id = :id AND attempts = :attempt AND status = 'PENDING'
                """)
                .param("id", deliveryId)
                .param("attempt", attemptNumber)
                .param("code", statusCode)
                .param("now", utc(now))
                .update();
    }

    /** A failed attempt: retry at {@code nextAttemptAt}, or FAILED when that is null. */
    void recordFailure(String deliveryId, int attemptNumber, Integer statusCode, String error, Instant nextAttemptAt) {
        String truncated = error.length() > 1000 ? error.substring(0, 999) + "…" : error;
        String set = nextAttemptAt == null ? "status = 'FAILED'" : "next_attempt_at = :next";
        var statement = jdbc.sql("UPDATE webhook_delivery SET " + set + """
                , lease_until = NULL, last_status_code = :code, last_error = :error
                 WHERE id = :id AND attempts = :attempt AND status = 'PENDING'
                """)
                .param("id", deliveryId)
                .param("attempt", attemptNumber)
                .param("code", statusCode, java.sql.Types.INTEGER)
                .param("error", truncated);
        if (nextAttemptAt != null) {
            statement = statement.param("next", utc(nextAttemptAt));
        }
        statement.update();
    }

    /** The subscription's deliveries, newest first. */
    List<Delivery> deliveries(String subscriptionId, DeliveryStatus status, int limit) {
        return jdbc.sql("""
                SELECT d.*, e.type, e.subject FROM webhook_delivery d JOIN webhook_event e ON e.id = d.event_id
                 WHERE d.subscription_id = :subscriptionId""" + (status == null ? "" : " AND d.status = :status") + """
                 ORDER BY d.created_at DESC, d.id DESC LIMIT :limit
                """)
                .param("subscriptionId", subscriptionId)
                .param("status", status == null ? "" : status.name())
                .param("limit", limit)
                .query(WebhookRepository::delivery)
                .list();
    }

    private static Delivery delivery(ResultSet rs, int row) throws SQLException {
        int code = rs.getInt("last_status_code");
        Integer lastStatusCode = rs.wasNull() ? null : code;
        return new Delivery(rs.getString("id"), rs.getString("subscription_id"), rs.getString("event_id"),
                rs.getString("type"), rs.getString("subject"), DeliveryStatus.valueOf(rs.getString("status")),
                rs.getInt("attempts"), lastStatusCode, rs.getString("last_error"), instant(rs, "next_attempt_at"),
                instant(rs, "created_at"), instant(rs, "delivered_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
