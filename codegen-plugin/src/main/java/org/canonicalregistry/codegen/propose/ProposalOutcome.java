package org.canonicalregistry.codegen.propose;

import java.util.List;
import java.util.Objects;

/**
 * What {@code propose} did for one local schema.
 *
 * @param entity          entity name
 * @param kind            what happened
 * @param proposedVersion the version the proposal would publish (e.g. {@code 1.1}), or the existing version
 * @param url             the proposal's URL as the registry gives it, null when nothing was proposed
 * @param breaking        whether the registry judged the change breaking
 * @param waitingFor      one line per required approval not yet satisfied: its description and candidates
 */
public record ProposalOutcome(String entity, Kind kind, String proposedVersion, String url, boolean breaking,
                              List<String> waitingFor) {

  /** The possible results, in the words the build log uses. */
  public enum Kind {
    /** A new proposal was opened (201). */
    OPENED,
    /** An undecided proposal with the same content already exists (200): idempotent. */
    ALREADY_OPEN,
    /** The content equals the latest version (fingerprint) or an existing version (409): nothing to propose. */
    UNCHANGED
  }

  public ProposalOutcome {
    Objects.requireNonNull(entity, "entity");
    Objects.requireNonNull(kind, "kind");
    waitingFor = List.copyOf(waitingFor);
  }

  /** Lines for the build log. */
  public List<String> lines() {
    List<String> lines = new java.util.ArrayList<>();
    switch (kind) {
      case UNCHANGED -> lines.add(entity + ": unchanged" + (proposedVersion == null ? "" : " (same content as "
          + entity + "@" + proposedVersion + ")") + ", nothing to propose");
      case OPENED, ALREADY_OPEN -> {
        lines.add(entity + ": " + (kind == Kind.OPENED ? "opened" : "already open") + " proposal for " + entity + "@"
            + proposedVersion + (breaking ? " (breaking: new major)" : "") + " " + url);
        waitingFor.forEach(w -> lines.add("  waits for " + w));
      }
      default -> throw new IllegalStateException(kind.name());
    }
    return lines;
  }
}
