package org.canonicalregistry.schema.compat;

import java.util.Objects;

/** One step from a schema location down into the instance it constrains; used to place witness mutations. */
sealed interface InstanceStep permits InstanceStep.Key, InstanceStep.Index, InstanceStep.OtherKey, InstanceStep.Name,
    InstanceStep.Opaque {

  /** A named property. */
  record Key(String name) implements InstanceStep {
    public Key {
      Objects.requireNonNull(name);
    }
  }

  /** An array position; {@code anyElement} when the schema constrains every element from there on. */
  record Index(int index, boolean anyElement) implements InstanceStep {
  }

  /** Some property not declared in {@code properties} (additional / unevaluated properties). */
  record OtherKey() implements InstanceStep {
  }

  /** The names of the object's properties ({@code propertyNames}): a string value is placed as a property name. */
  record Name() implements InstanceStep {
  }

  /** The schema constrains something that is not a sub-instance (a property name, a negation): no place to mutate. */
  record Opaque() implements InstanceStep {
  }
}
