package org.canonicalregistry.registry.webhook;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.canonicalregistry.registry.webhook.WebhookRepository.Attempt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Sends the outbox. Each pass claims due deliveries one at a time with a lease ({@code registry.webhooks.lease}),
 * POSTs the stored CloudEvent with its signature headers, and records the outcome: DELIVERED on 2xx; otherwise the
 * next attempt after exponential backoff with jitter, or FAILED after {@code max-attempts}. Several instances may
 * run it at once: a claim is one conditional UPDATE, so each attempt belongs to exactly one of them.
 *
 * <p>An instance that dies (or is stopped) mid-delivery records nothing: the lease runs out and the delivery is
 * claimed again, with the same CloudEvent {@code id}. Receivers therefore see at-least-once delivery and
 * deduplicate by {@code id}. Redirects are never followed; resolved addresses are re-checked before each attempt.
 */
@Component
class WebhookDispatcher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);

    private final WebhookRepository repository;
    private final WebhookSettings settings;
    private final RetrySchedule retries;
    private final Clock clock;
    private final HttpClient http;
    private volatile ScheduledExecutorService scheduler;

    WebhookDispatcher(WebhookRepository repository, WebhookSettings settings, Clock clock) {
        this.repository = repository;
        this.settings = settings;
        this.retries = settings.retrySchedule();
        this.clock = clock;
        this.http = HttpClient.newBuilder()
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /**
     * One pass: attempts up to {@code batch-size} due deliveries, one after another.
     *
     * @return the number of attempts made (0 when nothing was due)
     */
    int dispatchDue() {
        int attempts = 0;
        while (attempts < settings.batchSize() && !Thread.currentThread().isInterrupted()) {
            Optional<Attempt> next = claimNext();
            if (next.isEmpty()) {
                break;
            }
            attempts++;
            if (!attempt(next.get())) {
                break; // interrupted: the lease will return the delivery to the queue
            }
        }
        return attempts;
    }

    private Optional<Attempt> claimNext() {
        Instant now = clock.instant();
        for (String id : repository.due(now, settings.batchSize())) {
            Optional<Attempt> claimed = repository.claim(id, now, now.plus(settings.lease()));
            if (claimed.isPresent()) {
                return claimed;
            }
        }
        return Optional.empty();
    }

    /** Sends one claimed delivery and records the outcome; false when interrupted (nothing recorded). */
    private boolean attempt(Attempt attempt) {
        byte[] body = attempt.cloudEvent().getBytes(StandardCharsets.UTF_8);
        URI url = URI.create(attempt.url());
        Optional<String> refused = refusedHost(url.getHost());
        if (refused.isPresent()) {
            repository.recordFailure(attempt.deliveryId(), attempt.attemptNumber(), null,
                    "address refused: " + refused.get(), null);
            return true;
        }
        long timestamp = clock.instant().getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(url)
                .timeout(settings.requestTimeout())
                .header("Content-Type", "application/cloudevents+json; charset=utf-8")
                .header("User-Agent", "canonical-registry-webhooks/1")
                .header(WebhookSignature.DELIVERY_HEADER, attempt.deliveryId())
                .header(WebhookSignature.TIMESTAMP_HEADER, Long.toString(timestamp))
                .header(WebhookSignature.SIGNATURE_HEADER, WebhookSignature.sign(attempt.secret(), timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        try {
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            int status = response.statusCode();
            if (status >= 200 && status < 300) {
                repository.recordDelivered(attempt.deliveryId(), attempt.attemptNumber(), status, clock.instant());
            } else {
                failed(attempt, status, "receiver answered HTTP " + status);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            log.info("webhook delivery {} interrupted (shutting down); it is retried after its lease",
                    attempt.deliveryId());
            return false;
        } catch (IOException e) {
            failed(attempt, null, e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        }
        return true;
    }

    private void failed(Attempt attempt, Integer status, String error) {
        Instant next = retries.exhausted(attempt.attemptNumber()) ? null
                : clock.instant().plus(retries.delayAfter(attempt.attemptNumber(), ThreadLocalRandom.current().nextDouble()));
        repository.recordFailure(attempt.deliveryId(), attempt.attemptNumber(), status, error, next);
        log.debug("webhook delivery {} attempt {} failed: {}", attempt.deliveryId(), attempt.attemptNumber(), error);
    }

    private static Optional<String> refusedHost(String host) {
        try {
            for (InetAddress address : InetAddress.getAllByName(host)) {
                Optional<String> why = DeliveryAddress.refused(address);
                if (why.isPresent()) {
                    return why;
                }
            }
            return Optional.empty();
        } catch (UnknownHostException e) {
            return Optional.empty(); // the send fails with its own, retryable error
        }
    }

    // ------------------------------------------------------------------ lifecycle

    @Override
    public void start() {
        if (!settings.dispatcherEnabled() || scheduler != null) {
            return;
        }
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "webhook-dispatcher");
            thread.setDaemon(true);
            return thread;
        });
        long interval = settings.pollInterval().toMillis();
        executor.scheduleWithFixedDelay(this::pass, interval, interval, TimeUnit.MILLISECONDS);
        scheduler = executor;
    }

    private void pass() {
        try {
            dispatchDue();
        } catch (RuntimeException e) {
            // A database hiccup must not kill the schedule; the next pass tries again.
            log.warn("webhook dispatch pass failed: {}", e.toString());
        }
    }

    /** Interrupts an attempt in flight: it records nothing, and its lease hands it to the next dispatcher. */
    @Override
    public void stop() {
        ScheduledExecutorService executor = scheduler;
        scheduler = null;
        if (executor != null) {
            executor.shutdownNow();
            try {
                if (!executor.awaitTermination(settings.requestTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
                    log.warn("webhook dispatcher did not stop in time");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return scheduler != null;
    }
}
