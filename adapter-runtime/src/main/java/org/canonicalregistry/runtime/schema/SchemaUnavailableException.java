package org.canonicalregistry.runtime.schema;

/**
 * A {@link SchemaSource} could not give a definitive answer: the registry timed out, refused the connection,
 * answered 5xx, or the circuit breaker is open. Never means "not found". The gate turns it into a retryable
 * {@code SCHEMA_UNAVAILABLE} rejection; a message is never passed unvalidated because of it.
 */
public final class SchemaUnavailableException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public SchemaUnavailableException(String message) {
    super(message);
  }

  public SchemaUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
