package org.canonicalregistry.runtime.kafka;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

import org.canonicalregistry.runtime.schema.RetryPolicy;

/**
 * Everything a {@link HubRouter} needs to know, as one immutable value; build it with {@link #builder()}.
 *
 * @param bootstrapServers  Kafka bootstrap servers
 * @param groupId           consumer group; routers of one topic share it to scale out
 * @param sourceTopic       the topic consumed
 * @param route             ingress or egress
 * @param transactionalId   set for exactly-once processing (produce and offset commit in one transaction), or
 *                          null for at-least-once with idempotent producers
 * @param unavailableRetry  how a message whose schema is unavailable is retried before it is dead-lettered
 * @param pollTimeout       longest wait in one poll
 * @param maxDeadLetterBytes dead letters keep the original value up to this size
 * @param clientProperties  extra Kafka client settings (security, tuning), applied to consumer and producer
 */
public record RouterConfig(String bootstrapServers, String groupId, String sourceTopic, Route route,
                           String transactionalId, RetryPolicy unavailableRetry, Duration pollTimeout,
                           int maxDeadLetterBytes, Map<String, Object> clientProperties) {
  public RouterConfig {
    Objects.requireNonNull(bootstrapServers, "bootstrapServers");
    Objects.requireNonNull(groupId, "groupId");
    Objects.requireNonNull(sourceTopic, "sourceTopic");
    Objects.requireNonNull(route, "route");
    Objects.requireNonNull(unavailableRetry, "unavailableRetry");
    Objects.requireNonNull(pollTimeout, "pollTimeout");
    clientProperties = Map.copyOf(clientProperties);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Collects settings; not thread-safe. */
  public static final class Builder {
    private String bootstrapServers;
    private String groupId;
    private String sourceTopic;
    private Route route = new Route.Ingress();
    private String transactionalId;
    private RetryPolicy unavailableRetry = new RetryPolicy(5, Duration.ofMillis(200), Duration.ofSeconds(5));
    private Duration pollTimeout = Duration.ofMillis(500);
    private int maxDeadLetterBytes = 900 * 1024;
    private final java.util.HashMap<String, Object> clientProperties = new java.util.HashMap<>();

    private Builder() {
    }

    public Builder bootstrapServers(String servers) {
      this.bootstrapServers = servers;
      return this;
    }

    public Builder groupId(String groupId) {
      this.groupId = groupId;
      return this;
    }

    public Builder sourceTopic(String topic) {
      this.sourceTopic = topic;
      return this;
    }

    /** Default {@link Route.Ingress}. */
    public Builder route(Route route) {
      this.route = route;
      return this;
    }

    /** Enables transactions (exactly-once processing); unique per router instance and stable across restarts. */
    public Builder transactionalId(String id) {
      this.transactionalId = id;
      return this;
    }

    /** Default 5 attempts, 200 ms base, 5 s cap. */
    public Builder unavailableRetry(RetryPolicy policy) {
      this.unavailableRetry = policy;
      return this;
    }

    public Builder pollTimeout(Duration timeout) {
      this.pollTimeout = timeout;
      return this;
    }

    /** Default 900 KiB, below Kafka's default 1 MiB record limit. */
    public Builder maxDeadLetterBytes(int bytes) {
      this.maxDeadLetterBytes = bytes;
      return this;
    }

    /** One extra Kafka client setting for both consumer and producer. */
    public Builder clientProperty(String name, Object value) {
      clientProperties.put(name, value);
      return this;
    }

    public RouterConfig build() {
      return new RouterConfig(bootstrapServers, groupId, sourceTopic, route, transactionalId, unavailableRetry,
          pollTimeout, maxDeadLetterBytes, clientProperties);
    }
  }
}
