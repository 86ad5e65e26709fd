package org.canonicalregistry.registry.compatibility;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.canonicalregistry.registry.problem.ProblemType;
import org.canonicalregistry.registry.problem.RegistryException;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Runs compatibility checks on a small pool of worker threads under a wall-clock budget
 * ({@code registry.compatibility.check-timeout}, default 10 s). Schemas within the byte and depth bounds can still be
 * expensive to judge (thousands of changes, each with a witness search that runs the validator), so a caller gets a
 * {@code schema-rejected} problem with {@code reason: CHECK_TIMED_OUT} once the budget is spent, instead of holding a
 * request thread (and, when registering, the entity lock) for as long as the check takes. The abandoned check is
 * interrupted; the engine stops at its next interruption point. Thread-safe.
 */
@Component
class CheckBudget implements DisposableBean {

    private final Duration budget;
    private final ThreadPoolExecutor workers;

    CheckBudget(@Value("${registry.compatibility.check-timeout:10s}") Duration budget) {
        if (budget.isNegative() || budget.isZero()) {
            throw new IllegalArgumentException("registry.compatibility.check-timeout must be positive, was " + budget);
        }
        this.budget = budget;
        int threads = Math.max(4, 2 * Runtime.getRuntime().availableProcessors());
        AtomicInteger counter = new AtomicInteger();
        this.workers = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(),
                task -> {
                    Thread t = new Thread(task, "compatibility-check-" + counter.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
    }

    /**
     * Runs {@code check} and returns its result, or fails once the budget is spent.
     *
     * @param subject what is being checked, for the problem's detail, e.g. {@code "schema for entity 'customer'"}
     * @throws RegistryException SCHEMA_REJECTED ({@code reason: CHECK_TIMED_OUT}, {@code timeoutMillis}) when the
     *                           budget is spent; whatever {@code check} throws otherwise
     */
    <T> T run(String subject, Supplier<T> check) {
        Future<T> result = workers.submit(check::get);
        try {
            return result.get(budget.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            result.cancel(true);
            workers.purge();
            throw new RegistryException(ProblemType.SCHEMA_REJECTED, "The compatibility check of the " + subject
                    + " did not finish within " + budget.toMillis() + " ms; the schemas are too complex to judge.",
                    Map.of("reason", "CHECK_TIMED_OUT", "timeoutMillis", budget.toMillis()), e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException("compatibility check failed", cause);
        } catch (InterruptedException e) {
            result.cancel(true);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a compatibility check", e);
        }
    }

    /** The configured budget. */
    Duration budget() {
        return budget;
    }

    @Override
    public void destroy() {
        workers.shutdownNow();
    }
}
