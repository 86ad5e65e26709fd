package org.canonicalregistry.registry.web;

import java.io.IOException;

/**
 * A request body grew past {@code registry.limits.max-request-bytes} while it was being read. An
 * {@link IOException} because it surfaces from {@code InputStream.read}; {@link ProblemAdvice} finds it in any
 * cause chain (Jackson and Spring wrap it) and answers {@code 413 payload-too-large}.
 */
final class RequestBodyTooLargeException extends IOException {

    private final long limit;

    RequestBodyTooLargeException(long limit) {
        super("Request body exceeds the limit of " + limit + " bytes");
        this.limit = limit;
    }

    long limit() {
        return limit;
    }
}
