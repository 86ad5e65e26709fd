package org.canonicalregistry.schema.compat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.canonicalregistry.schema.compat.Breaks.BACKWARD;
import static org.canonicalregistry.schema.compat.Breaks.BOTH;
import static org.canonicalregistry.schema.compat.Breaks.FORWARD;
import static org.canonicalregistry.schema.compat.Breaks.NEITHER;
import static org.canonicalregistry.schema.compat.ChangeKind.*;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * One case per change type: the exact change detected, its direction under STRICT and LENIENT, the verdict of every
 * mode, and the mirrored verdict when old and new are swapped. Expected directions are derived from JSON Schema 2020-12
 * instance semantics (see docs/compatibility.md), not taken from other projects.
 */
class ChangeDetectionTest {

  /** {@code kind} is the change under test; {@code also} lists changes that necessarily come with it. */
  record Case(String old, String updated, ChangeKind kind, Breaks strict, Breaks lenient, List<ChangeKind> also) {
  }

  static Arguments c(String name, String old, String updated, ChangeKind kind, Breaks strict, Breaks lenient,
                     ChangeKind... also) {
    return Arguments.of(Named.of(name, new Case(old, updated, kind, strict, lenient, List.of(also))));
  }

  static Stream<Arguments> cases() {
    String obj = "{'type':'object','properties':{'a':{'type':'string'}}";
    String closed = "{'type':'object','additionalProperties':false,'properties':{'a':{'type':'string'}}";
    return Stream.of(
        // type
        c("string|null narrowed to string", "{'type':['string','null']}", "{'type':'string'}", TYPE_NARROWED, BACKWARD, BACKWARD),
        c("string widened to string|null", "{'type':'string'}", "{'type':['string','null']}", TYPE_WIDENED, FORWARD, FORWARD),
        c("integer widened to number", "{'type':'integer'}", "{'type':'number'}", TYPE_WIDENED, FORWARD, FORWARD),
        c("number narrowed to integer", "{'type':'number'}", "{'type':'integer'}", TYPE_NARROWED, BACKWARD, BACKWARD),
        c("type added", "{}", "{'type':'string'}", TYPE_NARROWED, BACKWARD, BACKWARD),
        c("type removed", "{'type':'string'}", "true", TYPE_WIDENED, FORWARD, FORWARD),
        c("nullable anyOf narrowed to string", "{'anyOf':[{'type':'string'},{'type':'null'}]}", "{'type':'string'}",
            TYPE_NARROWED, BACKWARD, BACKWARD),
        c("anyOf of types is a type list", "{'anyOf':[{'type':'string'},{'type':'null'}]}", "{'type':['string','null']}",
            null, NEITHER, NEITHER),
        c("oneOf of disjoint types widened", "{'oneOf':[{'type':'string'},{'type':'null'}]}",
            "{'oneOf':[{'type':'string'},{'type':'null'},{'type':'integer'}]}", TYPE_WIDENED, FORWARD, FORWARD),
        c("string changed to integer", "{'type':'string'}", "{'type':'integer'}", TYPE_CHANGED, BOTH, BOTH),
        // boolean schemas
        c("true to false", "true", "false", SCHEMA_NARROWED_TO_FALSE, BACKWARD, BACKWARD),
        c("false to true", "false", "true", SCHEMA_WIDENED_FROM_FALSE, FORWARD, FORWARD),
        c("property schema set to false", obj + "}", "{'type':'object','properties':{'a':false}}", SCHEMA_NARROWED_TO_FALSE, BACKWARD, BACKWARD),
        // properties and content models
        c("property added to open model", obj + "}", "{'type':'object','properties':{'a':{'type':'string'},'b':{'type':'integer'}}}",
            PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL, BACKWARD, NEITHER),
        c("property removed from open model", "{'type':'object','properties':{'a':{'type':'string'},'b':{'type':'integer'}}}", obj + "}",
            PROPERTY_REMOVED_FROM_OPEN_CONTENT_MODEL, FORWARD, NEITHER),
        c("property added to closed model", closed + "}",
            "{'type':'object','additionalProperties':false,'properties':{'a':{'type':'string'},'b':{'type':'integer'}}}",
            PROPERTY_ADDED_TO_CLOSED_CONTENT_MODEL, FORWARD, FORWARD),
        c("property removed from closed model",
            "{'type':'object','additionalProperties':false,'properties':{'a':{'type':'string'},'b':{'type':'integer'}}}", closed + "}",
            PROPERTY_REMOVED_FROM_CLOSED_CONTENT_MODEL, BACKWARD, BACKWARD),
        c("property type narrowed", obj + "}", "{'type':'object','properties':{'a':{'type':'string','maxLength':3}}}",
            MAX_LENGTH_DECREASED, BACKWARD, BACKWARD),
        c("required property added", obj + "}", obj + ",'required':['a']}", REQUIRED_PROPERTY_ADDED, BACKWARD, BACKWARD),
        c("required property removed", obj + ",'required':['a']}", obj + "}", REQUIRED_PROPERTY_REMOVED, FORWARD, FORWARD),
        c("model closed", obj + "}", closed + "}", ADDITIONAL_PROPERTIES_NARROWED, BACKWARD, NEITHER),
        c("model opened", closed + "}", obj + "}", ADDITIONAL_PROPERTIES_WIDENED, FORWARD, NEITHER),
        c("additionalProperties constrained", obj + "}", obj + ",'additionalProperties':{'type':'string'}}",
            ADDITIONAL_PROPERTIES_NARROWED, BACKWARD, NEITHER),
        c("additionalProperties schema narrowed", obj + ",'additionalProperties':{'type':['string','integer']}}",
            obj + ",'additionalProperties':{'type':'string'}}", TYPE_NARROWED, BACKWARD, BACKWARD),
        c("pattern property added to open model", obj + "}", obj + ",'patternProperties':{'^x-':{'type':'string'}}}",
            PATTERN_PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL, BACKWARD, NEITHER),
        c("pattern property added to closed model", closed + "}", closed + ",'patternProperties':{'^x-':{'type':'string'}}}",
            PATTERN_PROPERTY_ADDED_TO_CLOSED_CONTENT_MODEL, FORWARD, FORWARD),
        c("pattern property removed from open model", obj + ",'patternProperties':{'^x-':{'type':'string'}}}", obj + "}",
            PATTERN_PROPERTY_REMOVED_FROM_OPEN_CONTENT_MODEL, FORWARD, NEITHER),
        c("pattern property removed from closed model", closed + ",'patternProperties':{'^x-':{'type':'string'}}}", closed + "}",
            PATTERN_PROPERTY_REMOVED_FROM_CLOSED_CONTENT_MODEL, BACKWARD, BACKWARD),
        c("pattern added next to another in a closed model", closed + ",'patternProperties':{'^x-':{'type':'string'}}}",
            closed + ",'patternProperties':{'^x-':{'type':'string'},'^y-':true}}", PATTERN_PROPERTIES_CHANGED, BOTH, BOTH),
        c("pattern added next to another in an open model", obj + ",'patternProperties':{'^x-':{'type':'string'}}}",
            obj + ",'patternProperties':{'^x-':{'type':'string'},'^y-':{'type':'string'}}}",
            PATTERN_PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL, BACKWARD, NEITHER),
        c("propertyNames constrained", obj + "}", obj + ",'propertyNames':{'maxLength':3}}", PROPERTY_NAMES_NARROWED, BACKWARD, BACKWARD),
        c("propertyNames removed", obj + ",'propertyNames':{'maxLength':3}}", obj + "}", PROPERTY_NAMES_WIDENED, FORWARD, FORWARD),
        c("minProperties increased", obj + "}", obj + ",'minProperties':1}", MIN_PROPERTIES_INCREASED, BACKWARD, BACKWARD),
        c("minProperties decreased", obj + ",'minProperties':2}", obj + ",'minProperties':1}", MIN_PROPERTIES_DECREASED, FORWARD, FORWARD),
        c("maxProperties decreased", obj + ",'maxProperties':3}", obj + ",'maxProperties':1}", MAX_PROPERTIES_DECREASED, BACKWARD, BACKWARD),
        c("maxProperties removed", obj + ",'maxProperties':3}", obj + "}", MAX_PROPERTIES_INCREASED, FORWARD, FORWARD),
        c("dependentRequired added", obj + "}", obj + ",'dependentRequired':{'a':['b']}}", DEPENDENT_REQUIRED_ADDED, BACKWARD, BACKWARD),
        c("dependentRequired removed", obj + ",'dependentRequired':{'a':['b']}}", obj + "}", DEPENDENT_REQUIRED_REMOVED, FORWARD, FORWARD),
        c("dependentSchemas added", obj + "}", obj + ",'dependentSchemas':{'a':{'required':['b']}}}", DEPENDENT_SCHEMA_ADDED, BACKWARD, BACKWARD),
        c("dependentSchemas removed", obj + ",'dependentSchemas':{'a':{'required':['b']}}}", obj + "}", DEPENDENT_SCHEMA_REMOVED, FORWARD, FORWARD),
        c("unevaluatedProperties closed", obj + "}", obj + ",'unevaluatedProperties':false}", UNEVALUATED_PROPERTIES_NARROWED, BACKWARD, NEITHER),
        c("unevaluatedProperties opened", obj + ",'unevaluatedProperties':false}", obj + "}", UNEVALUATED_PROPERTIES_WIDENED, FORWARD, NEITHER),
        c("property added next to allOf under unevaluatedProperties",
            "{'allOf':[{'properties':{'a':true}}],'unevaluatedProperties':false}",
            "{'allOf':[{'properties':{'a':true}}],'properties':{'b':true},'unevaluatedProperties':false}",
            UNEVALUATED_PROPERTIES_UNDECIDED, BOTH, BOTH),
        c("property added inside allOf under unevaluatedProperties",
            "{'allOf':[{'properties':{'a':true}}],'unevaluatedProperties':false}",
            "{'allOf':[{'properties':{'a':true,'b':{'type':'integer'}}}],'unevaluatedProperties':false}",
            UNEVALUATED_PROPERTIES_UNDECIDED, BOTH, BOTH, PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL),
        // arrays
        c("items constrained", "{'type':'array'}", "{'type':'array','items':{'type':'string'}}", ITEMS_NARROWED, BACKWARD, BACKWARD),
        c("items unconstrained", "{'type':'array','items':{'type':'string'}}", "{'type':'array'}", ITEMS_WIDENED, FORWARD, FORWARD),
        c("items schema narrowed", "{'type':'array','items':{'type':['string','null']}}", "{'type':'array','items':{'type':'string'}}",
            TYPE_NARROWED, BACKWARD, BACKWARD),
        c("tuple closed", "{'type':'array','prefixItems':[{'type':'string'}]}", "{'type':'array','prefixItems':[{'type':'string'}],'items':false}",
            ITEMS_NARROWED, BACKWARD, BACKWARD),
        c("prefix item added to closed tuple", "{'type':'array','prefixItems':[{'type':'string'}],'items':false}",
            "{'type':'array','prefixItems':[{'type':'string'},{'type':'integer'}],'items':false}", ITEMS_WIDENED, FORWARD, FORWARD),
        c("contains added", "{'type':'array'}", "{'type':'array','contains':{'type':'string'}}", CONTAINS_ADDED, BACKWARD, BACKWARD),
        c("contains removed", "{'type':'array','contains':{'type':'string'}}", "{'type':'array'}", CONTAINS_REMOVED, FORWARD, FORWARD),
        c("minContains increased", "{'type':'array','contains':{'type':'string'}}", "{'type':'array','contains':{'type':'string'},'minContains':2}",
            MIN_CONTAINS_INCREASED, BACKWARD, BACKWARD),
        c("maxContains decreased", "{'type':'array','contains':{'type':'string'}}", "{'type':'array','contains':{'type':'string'},'maxContains':1}",
            MAX_CONTAINS_DECREASED, BACKWARD, BACKWARD),
        c("minContains decreased", "{'type':'array','contains':{'type':'string'},'minContains':2}", "{'type':'array','contains':{'type':'string'}}",
            MIN_CONTAINS_DECREASED, FORWARD, FORWARD),
        c("maxContains removed", "{'type':'array','contains':{'type':'string'},'maxContains':1}", "{'type':'array','contains':{'type':'string'}}",
            MAX_CONTAINS_INCREASED, FORWARD, FORWARD),
        c("prefixItems changed next to allOf under unevaluatedItems", "{'allOf':[{'prefixItems':[true]}],'unevaluatedItems':false}",
            "{'allOf':[{'prefixItems':[true]}],'prefixItems':[true,true],'unevaluatedItems':false}", UNEVALUATED_ITEMS_UNDECIDED, BOTH, BOTH),
        c("minItems increased", "{'type':'array'}", "{'type':'array','minItems':2}", MIN_ITEMS_INCREASED, BACKWARD, BACKWARD),
        c("minItems decreased", "{'type':'array','minItems':2}", "{'type':'array','minItems':1}", MIN_ITEMS_DECREASED, FORWARD, FORWARD),
        c("maxItems decreased", "{'type':'array','maxItems':5}", "{'type':'array','maxItems':2}", MAX_ITEMS_DECREASED, BACKWARD, BACKWARD),
        c("maxItems increased", "{'type':'array','maxItems':2}", "{'type':'array','maxItems':5}", MAX_ITEMS_INCREASED, FORWARD, FORWARD),
        c("uniqueItems added", "{'type':'array'}", "{'type':'array','uniqueItems':true}", UNIQUE_ITEMS_ADDED, BACKWARD, BACKWARD),
        c("uniqueItems removed", "{'type':'array','uniqueItems':true}", "{'type':'array','uniqueItems':false}", UNIQUE_ITEMS_REMOVED, FORWARD, FORWARD),
        c("unevaluatedItems closed", "{'type':'array','prefixItems':[true]}", "{'type':'array','prefixItems':[true],'unevaluatedItems':false}",
            UNEVALUATED_ITEMS_NARROWED, BACKWARD, BACKWARD),
        c("unevaluatedItems opened", "{'type':'array','prefixItems':[true],'unevaluatedItems':false}", "{'type':'array','prefixItems':[true]}",
            UNEVALUATED_ITEMS_WIDENED, FORWARD, FORWARD),
        // enum and const
        c("enum value removed", "{'enum':['a','b','c']}", "{'enum':['a','b']}", ENUM_VALUE_REMOVED, BACKWARD, BACKWARD),
        c("enum value added", "{'enum':['a','b']}", "{'enum':['a','b','c']}", ENUM_VALUE_ADDED, FORWARD, FORWARD),
        c("enum added", "{'type':'string'}", "{'type':'string','enum':['a','b']}", ENUM_ADDED, BACKWARD, BACKWARD),
        c("enum removed", "{'type':'string','enum':['a','b']}", "{'type':'string'}", ENUM_REMOVED, FORWARD, FORWARD),
        c("const added", "{'type':'string'}", "{'type':'string','const':'a'}", CONST_ADDED, BACKWARD, BACKWARD),
        c("const removed", "{'type':'string','const':'a'}", "{'type':'string'}", CONST_REMOVED, FORWARD, FORWARD),
        c("const changed", "{'const':'a'}", "{'const':'b'}", CONST_CHANGED, BOTH, BOTH),
        c("const widened to enum", "{'const':'a'}", "{'enum':['a','b']}", ENUM_VALUE_ADDED, FORWARD, FORWARD),
        // numbers
        c("minimum increased", "{'type':'number','minimum':0}", "{'type':'number','minimum':1}", MINIMUM_INCREASED, BACKWARD, BACKWARD),
        c("minimum decreased", "{'type':'number','minimum':1}", "{'type':'number','minimum':0}", MINIMUM_DECREASED, FORWARD, FORWARD),
        c("minimum made exclusive", "{'type':'number','minimum':0}", "{'type':'number','exclusiveMinimum':0}", MINIMUM_INCREASED, BACKWARD, BACKWARD),
        c("maximum decreased", "{'type':'number','maximum':10}", "{'type':'number','maximum':9.5}", MAXIMUM_DECREASED, BACKWARD, BACKWARD),
        c("maximum removed", "{'type':'number','maximum':10}", "{'type':'number'}", MAXIMUM_INCREASED, FORWARD, FORWARD),
        c("exclusiveMaximum added", "{'type':'number'}", "{'type':'number','exclusiveMaximum':10}", MAXIMUM_DECREASED, BACKWARD, BACKWARD),
        c("multipleOf added", "{'type':'integer'}", "{'type':'integer','multipleOf':2}", MULTIPLE_OF_ADDED, BACKWARD, BACKWARD),
        c("multipleOf removed", "{'type':'integer','multipleOf':2}", "{'type':'integer'}", MULTIPLE_OF_REMOVED, FORWARD, FORWARD),
        c("multipleOf 2 to 4", "{'type':'integer','multipleOf':2}", "{'type':'integer','multipleOf':4}", MULTIPLE_OF_TIGHTENED, BACKWARD, BACKWARD),
        c("multipleOf 4 to 2", "{'type':'integer','multipleOf':4}", "{'type':'integer','multipleOf':2}", MULTIPLE_OF_RELAXED, FORWARD, FORWARD),
        c("multipleOf 2 to 3", "{'type':'integer','multipleOf':2}", "{'type':'integer','multipleOf':3}", MULTIPLE_OF_CHANGED, BOTH, BOTH),
        // strings
        c("minLength increased", "{'type':'string'}", "{'type':'string','minLength':2}", MIN_LENGTH_INCREASED, BACKWARD, BACKWARD),
        c("minLength decreased", "{'type':'string','minLength':2}", "{'type':'string','minLength':1}", MIN_LENGTH_DECREASED, FORWARD, FORWARD),
        c("maxLength decreased", "{'type':'string','maxLength':10}", "{'type':'string','maxLength':5}", MAX_LENGTH_DECREASED, BACKWARD, BACKWARD),
        c("maxLength increased", "{'type':'string','maxLength':5}", "{'type':'string','maxLength':10}", MAX_LENGTH_INCREASED, FORWARD, FORWARD),
        c("pattern added", "{'type':'string'}", "{'type':'string','pattern':'^[a-z]+$'}", PATTERN_ADDED, BACKWARD, BACKWARD),
        c("pattern removed", "{'type':'string','pattern':'^[a-z]+$'}", "{'type':'string'}", PATTERN_REMOVED, FORWARD, FORWARD),
        c("pattern changed", "{'type':'string','pattern':'^[a-z]+$'}", "{'type':'string','pattern':'^[a-c]+$'}", PATTERN_CHANGED, BOTH, BOTH),
        c("format added", "{'type':'string'}", "{'type':'string','format':'email'}", FORMAT_ADDED, BACKWARD, BACKWARD),
        c("format removed", "{'type':'string','format':'email'}", "{'type':'string'}", FORMAT_REMOVED, FORWARD, FORWARD),
        c("format changed", "{'type':'string','format':'date'}", "{'type':'string','format':'date-time'}", FORMAT_CHANGED, BOTH, BOTH),
        // combinators
        c("allOf branch added", "{'allOf':[{'type':'string'}]}", "{'allOf':[{'type':'string'},{'minLength':1}]}", ALL_OF_BRANCH_ADDED, BACKWARD, BACKWARD),
        c("allOf branch removed", "{'allOf':[{'type':'string'},{'minLength':1}]}", "{'allOf':[{'type':'string'}]}", ALL_OF_BRANCH_REMOVED, FORWARD, FORWARD),
        c("anyOf branch added", "{'anyOf':[{'type':'string','maxLength':3}]}", "{'anyOf':[{'type':'string','maxLength':3},{'type':'integer','minimum':0}]}", ANY_OF_BRANCH_ADDED, FORWARD, FORWARD),
        c("anyOf branch removed", "{'anyOf':[{'type':'string','maxLength':3},{'type':'integer','minimum':0}]}", "{'anyOf':[{'type':'string','maxLength':3}]}", ANY_OF_BRANCH_REMOVED, BACKWARD, BACKWARD),
        c("anyOf added", "{}", "{'anyOf':[{'type':'string','maxLength':3},{'type':'integer','minimum':0}]}", ANY_OF_ADDED, BACKWARD, BACKWARD),
        c("anyOf removed", "{'anyOf':[{'type':'string','maxLength':3},{'type':'integer','minimum':0}]}", "{}", ANY_OF_REMOVED, FORWARD, FORWARD),
        c("disjoint oneOf branch added", "{'oneOf':[{'type':'string','maxLength':3},{'type':'integer','minimum':0}]}",
            "{'oneOf':[{'type':'string','maxLength':3},{'type':'integer','minimum':0},{'type':'boolean','const':true}]}", ONE_OF_BRANCH_ADDED, FORWARD, FORWARD),
        c("disjoint oneOf branch removed", "{'oneOf':[{'type':'string','maxLength':3},{'type':'integer','minimum':0},{'type':'boolean','const':true}]}",
            "{'oneOf':[{'type':'string','maxLength':3},{'type':'integer','minimum':0}]}", ONE_OF_BRANCH_REMOVED, BACKWARD, BACKWARD),
        c("overlapping oneOf branch added", "{'oneOf':[{'type':'string'},{'minLength':1}]}",
            "{'oneOf':[{'type':'string'},{'minLength':1},{'type':'integer'}]}", ONE_OF_BRANCHES_MAY_OVERLAP, BOTH, BOTH,
            ONE_OF_BRANCH_ADDED),
        c("oneOf branches reordered", "{'oneOf':[{'type':'string','maxLength':3},{'type':'integer','minimum':0}]}",
            "{'oneOf':[{'type':'integer','minimum':0},{'type':'string','maxLength':3}]}", null, NEITHER, NEITHER),
        c("reference made nullable with oneOf", "{'$defs':{'a':{'type':'string','maxLength':3}},'properties':{'x':{'$ref':'#/$defs/a'}}}",
            "{'$defs':{'a':{'type':'string','maxLength':3}},'properties':{'x':{'oneOf':[{'type':'null'},{'$ref':'#/$defs/a'}]}}}",
            ONE_OF_BRANCH_ADDED, FORWARD, FORWARD, TYPE_WIDENED, MAX_LENGTH_INCREASED),
        c("anyOf collapsed to one of its branches", "{'anyOf':[{'type':'string','maxLength':3},{'type':'integer','minimum':0}]}",
            "{'type':'string','maxLength':3}", ANY_OF_BRANCH_REMOVED, BACKWARD, BACKWARD, TYPE_NARROWED, MAX_LENGTH_DECREASED),
        c("oneOf added", "{}", "{'oneOf':[{'type':'string','maxLength':3},{'type':'integer','minimum':0}]}", ONE_OF_ADDED, BACKWARD, BACKWARD),
        c("oneOf removed", "{'oneOf':[{'type':'string','maxLength':3},{'type':'integer','minimum':0}]}", "{}", ONE_OF_REMOVED, FORWARD, FORWARD),
        c("not added", "{'type':'string'}", "{'type':'string','not':{'const':'x'}}", NOT_ADDED, BACKWARD, BACKWARD),
        c("not removed", "{'type':'string','not':{'const':'x'}}", "{'type':'string'}", NOT_REMOVED, FORWARD, FORWARD),
        c("not changed", "{'type':'string','not':{'const':'x'}}", "{'type':'string','not':{'const':'y'}}", NOT_CHANGED, BOTH, BOTH),
        c("conditional added", "{'type':'object'}",
            "{'type':'object','if':{'properties':{'a':{'const':1}},'required':['a']},'then':{'required':['b']}}",
            CONDITIONAL_BRANCH_NARROWED, BACKWARD, BACKWARD),
        c("conditional removed",
            "{'type':'object','if':{'properties':{'a':{'const':1}},'required':['a']},'then':{'required':['b']}}", "{'type':'object'}",
            CONDITIONAL_BRANCH_WIDENED, FORWARD, FORWARD),
        c("condition changed",
            "{'type':'object','if':{'properties':{'a':{'const':1}},'required':['a']},'then':{'required':['b']}}",
            "{'type':'object','if':{'properties':{'a':{'const':2}},'required':['a']},'then':{'required':['b']}}",
            CONDITION_CHANGED, BOTH, BOTH),
        // references and unknown keywords
        c("remote reference", "{'$ref':'https://example.com/a.json'}", "{'$ref':'https://example.com/b.json'}", REFERENCE_UNRESOLVED, BOTH, BOTH),
        c("dangling local reference", "{'type':'string'}", "{'$ref':'#/$defs/missing'}", REFERENCE_UNRESOLVED, BOTH, BOTH),
        c("dynamic reference changed", "{'$dynamicRef':'#a'}", "{'$dynamicRef':'#b'}", UNDECIDABLE_KEYWORD_CHANGED, BOTH, BOTH),
        c("unknown keyword changed", "{'type':'string','customRule':1}", "{'type':'string','customRule':2}", UNKNOWN_KEYWORD_CHANGED, BOTH, BOTH),
        c("unknown keyword added", "{'type':'string'}", "{'type':'string','customRule':2}", UNKNOWN_KEYWORD_CHANGED, BOTH, BOTH),
        c("project annotation changed", "{'type':'string','x-classification':'INTERNAL'}",
            "{'type':'string','x-classification':'PII'}", EXTENSION_ANNOTATION_CHANGED, NEITHER, NEITHER));
  }

  private static final CompatibilityEngine ENGINE = TestEngines.diffOnly();

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void detectsExactlyTheExpectedChange(Case c) {
    List<SchemaChange> changes = ENGINE.diff(Json.parse(c.old()), Json.parse(c.updated()));
    List<ChangeKind> expected = new java.util.ArrayList<>(c.also());
    if (c.kind() != null) {
      expected.add(0, c.kind());
    }
    assertThat(changes).extracting(SchemaChange::kind).containsExactlyInAnyOrderElementsOf(expected);
    if (c.also().isEmpty() && c.kind() != null) {
      assertThat(c.kind().strict()).isEqualTo(c.strict());
      assertThat(c.kind().lenient()).isEqualTo(c.lenient());
    }
    assertThat(changes).allSatisfy(ch -> assertThat(ch.sentence()).isNotBlank());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void verdictOfEveryModeFollowsTheDirectionUnderBothPolicies(Case c) {
    for (CompatibilityPolicy policy : CompatibilityPolicy.values()) {
      Breaks expected = policy == CompatibilityPolicy.STRICT ? c.strict() : c.lenient();
      assertThat(verdict(c.old(), c.updated(), CompatibilityMode.BACKWARD, policy)).as(policy + " backward")
          .isEqualTo(!expected.backward());
      assertThat(verdict(c.old(), c.updated(), CompatibilityMode.FORWARD, policy)).as(policy + " forward")
          .isEqualTo(!expected.forward());
      assertThat(verdict(c.old(), c.updated(), CompatibilityMode.FULL, policy)).as(policy + " full")
          .isEqualTo(expected == NEITHER);
      assertThat(verdict(c.old(), c.updated(), CompatibilityMode.NONE, policy)).as(policy + " none").isTrue();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void swappingOldAndNewSwapsTheDirections(Case c) {
    for (CompatibilityPolicy policy : CompatibilityPolicy.values()) {
      Breaks expected = policy == CompatibilityPolicy.STRICT ? c.strict() : c.lenient();
      assertThat(verdict(c.updated(), c.old(), CompatibilityMode.BACKWARD, policy)).as(policy + " backward")
          .isEqualTo(!expected.forward());
      assertThat(verdict(c.updated(), c.old(), CompatibilityMode.FORWARD, policy)).as(policy + " forward")
          .isEqualTo(!expected.backward());
    }
  }

  private static boolean verdict(String old, String updated, CompatibilityMode mode, CompatibilityPolicy policy) {
    JsonNode o = Json.parse(old);
    return ENGINE.check(mode, policy, Json.parse(updated), List.of(o)).compatible();
  }
}
