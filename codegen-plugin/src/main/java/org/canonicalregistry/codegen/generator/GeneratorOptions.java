package org.canonicalregistry.codegen.generator;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * How the generator maps schemas to Java. Part of the input hash: changing any option regenerates.
 *
 * @param basePackage  package prefix; each entity and major gets {@code <basePackage>.<entity>.v<major>}
 * @param builders     also generate {@code Type.builder()...build()} for every record
 * @param jspecify     annotate optional and nullable components with {@code org.jspecify.annotations.Nullable}
 * @param validation   add jakarta.validation annotations ({@code @NotNull}, {@code @Size}, {@code @Pattern},
 *                     {@code @Email}, {@code @DecimalMin}...)
 * @param numberType   the Java type of {@code number}
 * @param formatTypes  extra or replaced {@code format} to fully qualified Java type mappings (e.g.
 *                     {@code date-time=java.time.Instant}); copied, sorted
 * @param typeNames    type name overrides, keyed by {@code entity#pointer} (e.g. {@code customer#/$defs/address});
 *                     the way out of a name collision; copied, sorted
 */
public record GeneratorOptions(String basePackage, boolean builders, boolean jspecify, boolean validation,
                               NumberType numberType, Map<String, String> formatTypes, Map<String, String> typeNames) {

  /** Default package prefix of generated code. */
  public static final String DEFAULT_BASE_PACKAGE = "org.canonicalregistry.canonical";

  public GeneratorOptions {
    Objects.requireNonNull(basePackage, "basePackage");
    Objects.requireNonNull(numberType, "numberType");
    formatTypes = Map.copyOf(formatTypes);
    typeNames = Map.copyOf(typeNames);
    if (!basePackage.matches("[a-z_][a-z0-9_]*(\\.[a-z_][a-z0-9_]*)*")) {
      throw new IllegalArgumentException("basePackage '" + basePackage + "' is not a lower-case Java package name");
    }
  }

  /** Defaults: base package {@value #DEFAULT_BASE_PACKAGE}, builders on, no optional annotations, BigDecimal. */
  public static GeneratorOptions defaults() {
    return new GeneratorOptions(DEFAULT_BASE_PACKAGE, true, false, false, NumberType.BIG_DECIMAL, Map.of(), Map.of());
  }

  public GeneratorOptions withBuilders(boolean on) {
    return new GeneratorOptions(basePackage, on, jspecify, validation, numberType, formatTypes, typeNames);
  }

  public GeneratorOptions withJspecify(boolean on) {
    return new GeneratorOptions(basePackage, builders, on, validation, numberType, formatTypes, typeNames);
  }

  public GeneratorOptions withValidation(boolean on) {
    return new GeneratorOptions(basePackage, builders, jspecify, on, numberType, formatTypes, typeNames);
  }

  public GeneratorOptions withNumberType(NumberType type) {
    return new GeneratorOptions(basePackage, builders, jspecify, validation, type, formatTypes, typeNames);
  }

  public GeneratorOptions withFormatTypes(Map<String, String> types) {
    return new GeneratorOptions(basePackage, builders, jspecify, validation, numberType, types, typeNames);
  }

  public GeneratorOptions withTypeNames(Map<String, String> names) {
    return new GeneratorOptions(basePackage, builders, jspecify, validation, numberType, formatTypes, names);
  }

  /** A stable text of every option, for the input hash. */
  public String fingerprintText() {
    return "basePackage=" + basePackage + ";builders=" + builders + ";jspecify=" + jspecify + ";validation="
        + validation + ";numberType=" + numberType + ";formatTypes=" + new TreeMap<>(formatTypes) + ";typeNames="
        + new TreeMap<>(typeNames);
  }
}
