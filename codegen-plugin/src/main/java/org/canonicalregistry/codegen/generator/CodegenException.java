package org.canonicalregistry.codegen.generator;

/**
 * The one exception family of the code generator and the plugin's goals: the input cannot be turned into code
 * (a keyword outside the canonical profile, a name collision, an unknown reference, a tampered lock file...) or the
 * registry refused or could not be reached. The message names the schema ({@code entity@version} or file), the JSON
 * pointer and, where one exists, the configuration option that resolves it.
 */
public class CodegenException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public CodegenException(String message) {
    super(message);
  }

  public CodegenException(String message, Throwable cause) {
    super(message, cause);
  }
}
