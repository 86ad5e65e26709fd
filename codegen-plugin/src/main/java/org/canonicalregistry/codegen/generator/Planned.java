package org.canonicalregistry.codegen.generator;

import com.palantir.javapoet.ClassName;
import java.util.List;

/** A type the generator will emit, decided before any code is written so that names are checked first. */
sealed interface Planned permits Planned.RecordType, Planned.EnumType, Planned.UnionType {

  ClassName name();

  Loc loc();

  /**
   * An object schema: one component per property (own and merged {@code allOf} branches).
   *
   * @param closed {@code additionalProperties: false}: unknown members are refused
   */
  record RecordType(ClassName name, Loc loc, List<Property> properties, boolean closed) implements Planned {
  }

  /** A string {@code enum}; values in schema order. */
  record EnumType(ClassName name, Loc loc, List<String> values) implements Planned {
  }

  /** A {@code oneOf} with a {@code const} discriminator: a sealed interface over its branch records. */
  record UnionType(ClassName name, Loc loc, String discriminator, List<Branch> branches) implements Planned {
  }

  /** One branch of a union: the record and its discriminator value. */
  record Branch(ClassName type, String value) {
  }

  /**
   * One record component.
   *
   * @param wireName the JSON member name
   * @param javaName the component name
   * @param loc      the property's schema (before following {@code $ref}, so its own description wins)
   * @param required listed in {@code required}
   */
  record Property(String wireName, String javaName, Loc loc, boolean required) {
  }
}
