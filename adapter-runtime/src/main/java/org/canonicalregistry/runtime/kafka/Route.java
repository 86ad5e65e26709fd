package org.canonicalregistry.runtime.kafka;

import java.util.Objects;

import org.canonicalregistry.runtime.Accepted;
import org.canonicalregistry.runtime.Attempt;
import org.canonicalregistry.runtime.Envelope;
import org.canonicalregistry.runtime.FlowPin;
import org.canonicalregistry.runtime.Gate;
import org.canonicalregistry.runtime.Verdict;

/**
 * Which side of the hub a router or replayer serves: {@link Ingress} (a source system's topic into the canonical
 * topic {@code canonical.<entity>.v<major>}) or {@link Egress} (a canonical topic to one destination flow's
 * topic, checking that the flow's pinned reader can read each message).
 */
public sealed interface Route permits Route.Ingress, Route.Egress {

  /** @return where an accepted message goes */
  String targetTopic(Accepted accepted);

  /** @return the dead-letter topic for messages read from {@code consumedTopic} */
  String deadLetterTopic(String consumedTopic);

  /** Runs the gate for this side, as try {@code attempt} of this message. */
  Verdict check(Gate gate, Envelope envelope, Attempt attempt);

  /** @return the flow a message belongs to on this side, or null */
  String flowOf(Envelope envelope);

  /** @return {@code ingress} or {@code egress} */
  String stage();

  /** @return the canonical topic of an entity's major line: {@code canonical.<entity>.v<major>} */
  static String canonicalTopic(String entity, int major) {
    return "canonical." + entity + ".v" + major;
  }

  /** Source system to hub. Dead letters go to {@code <source topic>.dlq}. */
  record Ingress() implements Route {
    @Override
    public String targetTopic(Accepted accepted) {
      return canonicalTopic(accepted.schema().entity(), accepted.schema().major());
    }

    @Override
    public String deadLetterTopic(String consumedTopic) {
      return DeadLetters.topicFor(consumedTopic);
    }

    @Override
    public Verdict check(Gate gate, Envelope envelope, Attempt attempt) {
      return gate.ingress(envelope, attempt);
    }

    @Override
    public String flowOf(Envelope envelope) {
      return envelope == null ? null : envelope.flowId();
    }

    @Override
    public String stage() {
      return "ingress";
    }
  }

  /**
   * Hub to one destination flow. Dead letters go to {@code <destination topic>.dlq}, so each flow's rejects stay
   * apart.
   *
   * @param pin              the flow's reader
   * @param destinationTopic the topic the destination adapter consumes
   */
  record Egress(FlowPin pin, String destinationTopic) implements Route {
    public Egress {
      Objects.requireNonNull(pin, "pin");
      Objects.requireNonNull(destinationTopic, "destinationTopic");
    }

    @Override
    public String targetTopic(Accepted accepted) {
      return destinationTopic;
    }

    @Override
    public String deadLetterTopic(String consumedTopic) {
      return DeadLetters.topicFor(destinationTopic);
    }

    @Override
    public Verdict check(Gate gate, Envelope envelope, Attempt attempt) {
      return gate.egress(envelope, pin, attempt);
    }

    @Override
    public String flowOf(Envelope envelope) {
      return pin.flowId();
    }

    @Override
    public String stage() {
      return "egress";
    }
  }
}
