package org.canonicalregistry.schema.compat;

import java.util.Objects;

/**
 * The fixed catalogue of schema changes the engine detects: the vocabulary of the API, the console and the docs.
 *
 * <p>Each constant carries the directions it breaks under pure set semantics ({@link #strict()}) and under the
 * tolerant-reader view ({@link #lenient()}), and a sentence template a data owner can read. Names are stable: they
 * are stored in change proposals and shown to people, so a constant is never renamed.
 */
public enum ChangeKind {
  // ---- whole (sub)schema
  SCHEMA_NARROWED_TO_FALSE(Breaks.BACKWARD, "{subject} no longer accepts any value ({detail})."),
  SCHEMA_WIDENED_FROM_FALSE(Breaks.FORWARD, "{subject} now accepts values where before none were allowed ({detail})."),

  // ---- type
  TYPE_NARROWED(Breaks.BACKWARD, "{subject} accepts fewer kinds of value than before: {detail}."),
  TYPE_WIDENED(Breaks.FORWARD, "{subject} accepts more kinds of value than before: {detail}."),
  TYPE_CHANGED(Breaks.BOTH, "{subject} changed its kind of value: {detail}."),

  // ---- enum / const
  ENUM_VALUE_REMOVED(Breaks.BACKWARD, "{subject} no longer accepts the value {detail}."),
  ENUM_VALUE_ADDED(Breaks.FORWARD, "{subject} now also accepts the value {detail}."),
  ENUM_ADDED(Breaks.BACKWARD, "{subject} is now limited to a fixed list of values: {detail}."),
  ENUM_REMOVED(Breaks.FORWARD, "{subject} is no longer limited to a fixed list of values (was {detail})."),
  CONST_ADDED(Breaks.BACKWARD, "{subject} must now always be {detail}."),
  CONST_REMOVED(Breaks.FORWARD, "{subject} no longer has to be {detail}."),
  CONST_CHANGED(Breaks.BOTH, "{subject} must now be a different fixed value: {detail}."),

  // ---- numbers
  MINIMUM_INCREASED(Breaks.BACKWARD, "{subject} has a higher lower bound: {detail}."),
  MINIMUM_DECREASED(Breaks.FORWARD, "{subject} has a lower (or no) lower bound: {detail}."),
  MAXIMUM_DECREASED(Breaks.BACKWARD, "{subject} has a lower upper bound: {detail}."),
  MAXIMUM_INCREASED(Breaks.FORWARD, "{subject} has a higher (or no) upper bound: {detail}."),
  MULTIPLE_OF_ADDED(Breaks.BACKWARD, "{subject} must now be a multiple of {detail}."),
  MULTIPLE_OF_REMOVED(Breaks.FORWARD, "{subject} no longer has to be a multiple of {detail}."),
  MULTIPLE_OF_TIGHTENED(Breaks.BACKWARD, "{subject} must be a multiple of a larger step: {detail}."),
  MULTIPLE_OF_RELAXED(Breaks.FORWARD, "{subject} may be a multiple of a smaller step: {detail}."),
  MULTIPLE_OF_CHANGED(Breaks.BOTH, "{subject} must be a multiple of an unrelated step: {detail}."),

  // ---- strings
  MIN_LENGTH_INCREASED(Breaks.BACKWARD, "{subject} must be longer than before: {detail}."),
  MIN_LENGTH_DECREASED(Breaks.FORWARD, "{subject} may be shorter than before: {detail}."),
  MAX_LENGTH_DECREASED(Breaks.BACKWARD, "{subject} must be shorter than before: {detail}."),
  MAX_LENGTH_INCREASED(Breaks.FORWARD, "{subject} may be longer than before: {detail}."),
  PATTERN_ADDED(Breaks.BACKWARD, "{subject} must now match the pattern {detail}."),
  PATTERN_REMOVED(Breaks.FORWARD, "{subject} no longer has to match the pattern {detail}."),
  PATTERN_CHANGED(Breaks.BOTH, "{subject} must match a different pattern ({detail}); the engine cannot prove one contains the other."),
  FORMAT_ADDED(Breaks.BACKWARD, "{subject} must now be a valid {detail}."),
  FORMAT_REMOVED(Breaks.FORWARD, "{subject} no longer has to be a valid {detail}."),
  FORMAT_CHANGED(Breaks.BOTH, "{subject} must be in a different format: {detail}."),

  // ---- objects
  PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL(Breaks.BACKWARD, Breaks.NEITHER,
      "{subject} is a new field with rules; old data could already carry a field of that name that breaks them ({detail})."),
  PROPERTY_ADDED_TO_CLOSED_CONTENT_MODEL(Breaks.FORWARD,
      "{subject} is a new field; old readers reject records that carry it ({detail})."),
  PROPERTY_REMOVED_FROM_OPEN_CONTENT_MODEL(Breaks.FORWARD, Breaks.NEITHER,
      "{subject} is no longer described, so new data may carry it with any value ({detail})."),
  PROPERTY_REMOVED_FROM_CLOSED_CONTENT_MODEL(Breaks.BACKWARD,
      "{subject} was removed and undeclared fields are not allowed, so old records that carry it are rejected ({detail})."),
  REQUIRED_PROPERTY_ADDED(Breaks.BACKWARD, "{subject} is now mandatory; old records without it are rejected ({detail})."),
  REQUIRED_PROPERTY_REMOVED(Breaks.FORWARD, "{subject} is now optional; old readers reject records without it ({detail})."),
  ADDITIONAL_PROPERTIES_NARROWED(Breaks.BACKWARD, Breaks.NEITHER,
      "{subject} accepts fewer undeclared fields than before ({detail})."),
  ADDITIONAL_PROPERTIES_WIDENED(Breaks.FORWARD, Breaks.NEITHER,
      "{subject} accepts more undeclared fields than before ({detail})."),
  PATTERN_PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL(Breaks.BACKWARD, Breaks.NEITHER,
      "{subject} has a new rule for fields whose names match {detail}."),
  PATTERN_PROPERTY_ADDED_TO_CLOSED_CONTENT_MODEL(Breaks.FORWARD,
      "{subject} now accepts fields whose names match {detail}."),
  PATTERN_PROPERTY_REMOVED_FROM_OPEN_CONTENT_MODEL(Breaks.FORWARD, Breaks.NEITHER,
      "{subject} no longer checks fields whose names match {detail}."),
  PATTERN_PROPERTY_REMOVED_FROM_CLOSED_CONTENT_MODEL(Breaks.BACKWARD,
      "{subject} no longer accepts fields whose names match {detail}."),
  PATTERN_PROPERTIES_CHANGED(Breaks.BOTH,
      "{subject} changed its field-name patterns in a way the engine cannot prove safe ({detail})."),
  PROPERTY_NAMES_NARROWED(Breaks.BACKWARD, "{subject} allows fewer field names than before ({detail})."),
  PROPERTY_NAMES_WIDENED(Breaks.FORWARD, "{subject} allows more field names than before ({detail})."),
  MIN_PROPERTIES_INCREASED(Breaks.BACKWARD, "{subject} must have more fields than before: {detail}."),
  MIN_PROPERTIES_DECREASED(Breaks.FORWARD, "{subject} may have fewer fields than before: {detail}."),
  MAX_PROPERTIES_DECREASED(Breaks.BACKWARD, "{subject} may have fewer fields at most: {detail}."),
  MAX_PROPERTIES_INCREASED(Breaks.FORWARD, "{subject} may have more fields than before: {detail}."),
  DEPENDENT_REQUIRED_ADDED(Breaks.BACKWARD, "{subject} needs more fields when a given field is present: {detail}."),
  DEPENDENT_REQUIRED_REMOVED(Breaks.FORWARD, "{subject} needs fewer fields when a given field is present: {detail}."),
  DEPENDENT_SCHEMA_ADDED(Breaks.BACKWARD, "{subject} has new rules that apply when field {detail} is present."),
  DEPENDENT_SCHEMA_REMOVED(Breaks.FORWARD, "{subject} lost the rules that applied when field {detail} is present."),
  UNEVALUATED_PROPERTIES_NARROWED(Breaks.BACKWARD, Breaks.NEITHER,
      "{subject} accepts fewer fields not covered by any rule ({detail})."),
  UNEVALUATED_PROPERTIES_WIDENED(Breaks.FORWARD, Breaks.NEITHER,
      "{subject} accepts more fields not covered by any rule ({detail})."),
  UNEVALUATED_PROPERTIES_UNDECIDED(Breaks.BOTH,
      "{subject} changed which fields count as covered under 'unevaluatedProperties'; the engine cannot prove this safe ({detail})."),

  // ---- arrays
  ITEMS_NARROWED(Breaks.BACKWARD, "{subject} accepts fewer list elements than before ({detail})."),
  ITEMS_WIDENED(Breaks.FORWARD, "{subject} accepts more list elements than before ({detail})."),
  CONTAINS_ADDED(Breaks.BACKWARD, "{subject} must now contain a matching element ({detail})."),
  CONTAINS_REMOVED(Breaks.FORWARD, "{subject} no longer has to contain a matching element ({detail})."),
  MIN_CONTAINS_INCREASED(Breaks.BACKWARD, "{subject} must contain more matching elements: {detail}."),
  MIN_CONTAINS_DECREASED(Breaks.FORWARD, "{subject} may contain fewer matching elements: {detail}."),
  MAX_CONTAINS_DECREASED(Breaks.BACKWARD, "{subject} may contain fewer matching elements at most: {detail}."),
  MAX_CONTAINS_INCREASED(Breaks.FORWARD, "{subject} may contain more matching elements: {detail}."),
  MIN_ITEMS_INCREASED(Breaks.BACKWARD, "{subject} must have more elements than before: {detail}."),
  MIN_ITEMS_DECREASED(Breaks.FORWARD, "{subject} may have fewer elements than before: {detail}."),
  MAX_ITEMS_DECREASED(Breaks.BACKWARD, "{subject} may have fewer elements at most: {detail}."),
  MAX_ITEMS_INCREASED(Breaks.FORWARD, "{subject} may have more elements than before: {detail}."),
  UNIQUE_ITEMS_ADDED(Breaks.BACKWARD, "{subject} may no longer contain duplicates ({detail})."),
  UNIQUE_ITEMS_REMOVED(Breaks.FORWARD, "{subject} may now contain duplicates ({detail})."),
  UNEVALUATED_ITEMS_NARROWED(Breaks.BACKWARD, "{subject} accepts fewer elements not covered by any rule ({detail})."),
  UNEVALUATED_ITEMS_WIDENED(Breaks.FORWARD, "{subject} accepts more elements not covered by any rule ({detail})."),
  UNEVALUATED_ITEMS_UNDECIDED(Breaks.BOTH,
      "{subject} changed which elements count as covered under 'unevaluatedItems'; the engine cannot prove this safe ({detail})."),

  // ---- combinators
  ALL_OF_BRANCH_ADDED(Breaks.BACKWARD, "{subject} must now also satisfy an extra set of rules ({detail})."),
  ALL_OF_BRANCH_REMOVED(Breaks.FORWARD, "{subject} no longer has to satisfy a set of rules ({detail})."),
  ANY_OF_ADDED(Breaks.BACKWARD, "{subject} must now match at least one of several alternatives ({detail})."),
  ANY_OF_REMOVED(Breaks.FORWARD, "{subject} no longer has to match one of several alternatives ({detail})."),
  ANY_OF_BRANCH_ADDED(Breaks.FORWARD, "{subject} accepts a new alternative ({detail})."),
  ANY_OF_BRANCH_REMOVED(Breaks.BACKWARD, "{subject} lost an alternative ({detail})."),
  ONE_OF_ADDED(Breaks.BACKWARD, "{subject} must now match exactly one of several alternatives ({detail})."),
  ONE_OF_REMOVED(Breaks.FORWARD, "{subject} no longer has to match exactly one of several alternatives ({detail})."),
  ONE_OF_BRANCH_ADDED(Breaks.FORWARD, "{subject} accepts a new alternative ({detail})."),
  ONE_OF_BRANCH_REMOVED(Breaks.BACKWARD, "{subject} lost an alternative ({detail})."),
  ONE_OF_BRANCHES_MAY_OVERLAP(Breaks.BOTH,
      "{subject} has alternatives that may overlap, so a value matching two of them is rejected ({detail})."),
  NOT_ADDED(Breaks.BACKWARD, "{subject} must now not match a given set of rules ({detail})."),
  NOT_REMOVED(Breaks.FORWARD, "{subject} no longer excludes values matching a given set of rules ({detail})."),
  NOT_SCHEMA_WIDENED(Breaks.BACKWARD, "{subject} excludes more values than before ({detail})."),
  NOT_SCHEMA_NARROWED(Breaks.FORWARD, "{subject} excludes fewer values than before ({detail})."),
  NOT_CHANGED(Breaks.BOTH, "{subject} excludes a different set of values; the engine cannot prove this safe ({detail})."),
  CONDITION_CHANGED(Breaks.BOTH, "{subject} changed the condition of an if/then/else rule; the engine cannot prove this safe ({detail})."),
  CONDITIONAL_BRANCH_NARROWED(Breaks.BACKWARD, "{subject} has a stricter conditional rule ({detail})."),
  CONDITIONAL_BRANCH_WIDENED(Breaks.FORWARD, "{subject} has a looser conditional rule ({detail})."),

  // ---- references and keywords the engine cannot judge
  REFERENCE_UNRESOLVED(Breaks.BOTH, "{subject} refers to a schema the engine cannot resolve, so it cannot prove the change safe ({detail})."),
  UNDECIDABLE_KEYWORD_CHANGED(Breaks.BOTH, "{subject} changed a rule the engine cannot compare ({detail})."),
  EXTENSION_ANNOTATION_CHANGED(Breaks.NEITHER,
      "{subject} changed a project annotation that does not affect validation ({detail})."),
  UNKNOWN_KEYWORD_CHANGED(Breaks.BOTH, "{subject} changed an unknown keyword; the engine treats it as breaking ({detail}).");

  private final Breaks strict;
  private final Breaks lenient;
  private final String template;

  ChangeKind(Breaks strict, String template) {
    this(strict, strict, template);
  }

  ChangeKind(Breaks strict, Breaks lenient, String template) {
    this.strict = Objects.requireNonNull(strict);
    this.lenient = Objects.requireNonNull(lenient);
    this.template = Objects.requireNonNull(template);
  }

  /** The directions this change breaks under pure instance-set semantics. */
  public Breaks strict() {
    return strict;
  }

  /** The directions this change breaks under the tolerant-reader view ({@link CompatibilityPolicy#LENIENT}). */
  public Breaks lenient() {
    return lenient;
  }

  String sentence(String subject, String detail) {
    String s = template.replace("{subject}", subject).replace("{detail}", detail);
    return s;
  }
}
