package org.canonicalregistry.schema.compat;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

class IdentityAndTransitivityTest {
  private static final CompatibilityEngine ENGINE = CompatibilityEngine.withDefaults();

  static Stream<Arguments> schemas() throws IOException {
    Stream<Arguments> fixed = Stream.of(
        Arguments.of(Named.of("true", Json.parse("true"))),
        Arguments.of(Named.of("false", Json.parse("false"))),
        Arguments.of(Named.of("empty", Json.parse("{}"))),
        Arguments.of(Named.of("recursive tree", Json.parse(ReferenceAndPointerTest.TREE_V1))),
        Arguments.of(Named.of("self reference at root", Json.parse(
            "{'type':'object','properties':{'next':{'$ref':'#'},'value':{'type':'integer'}}}"))),
        Arguments.of(Named.of("mutual recursion", Json.parse("{'$defs':{'a':{'type':'object','properties':{'b':{'$ref':'#/$defs/b'}}},"
            + "'b':{'type':'object','properties':{'a':{'$ref':'#/$defs/a'}}}},'$ref':'#/$defs/a'}"))),
        Arguments.of(Named.of("every keyword family", Json.parse("{'type':'object','properties':{'s':{'type':['string','null'],"
            + "'minLength':1,'maxLength':9,'pattern':'^[a-z]+$','format':'email'},'n':{'type':'number','minimum':0,"
            + "'exclusiveMaximum':10,'multipleOf':0.5},'e':{'enum':['A','B']},'c':{'const':1},'l':{'type':'array',"
            + "'prefixItems':[{'type':'string'}],'items':{'type':'integer'},'contains':{'type':'integer'},'minItems':1,"
            + "'maxItems':5,'uniqueItems':true},'u':{'oneOf':[{'type':'string'},{'type':'integer'}]},"
            + "'v':{'anyOf':[{'type':'string'},{'type':'null'}]},'w':{'not':{'const':'x'}}},'required':['s'],"
            + "'patternProperties':{'^x-':{'type':'string'}},'additionalProperties':false,'propertyNames':{'maxLength':20},"
            + "'minProperties':1,'maxProperties':30,'dependentRequired':{'n':['e']},'dependentSchemas':{'c':{'required':['e']}},"
            + "'if':{'required':['n']},'then':{'required':['l']},'else':{'required':['u']}}"))));
    Path entities = Path.of("../model-definitions/entities");
    Stream<Arguments> models = Stream.empty();
    if (Files.isDirectory(entities)) {
      try (Stream<Path> files = Files.list(entities)) {
        models = files.filter(p -> p.toString().endsWith(".schema.json")).sorted().toList().stream()
            .map(p -> Arguments.of(Named.of(p.getFileName().toString(), read(p))));
      }
    }
    return Stream.concat(fixed, models);
  }

  private static JsonNode read(Path p) {
    try {
      return Json.MAPPER.readTree(Files.readString(p));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("schemas")
  void everySchemaIsFullyCompatibleWithItself(JsonNode schema) {
    assertThat(ENGINE.diff(schema, schema)).isEmpty();
    assertThat(ENGINE.diff(schema, schema.deepCopy())).isEmpty();
    CompatibilityReport r = ENGINE.check(CompatibilityMode.FULL_TRANSITIVE, CompatibilityPolicy.STRICT, schema.deepCopy(),
        List.of(schema, schema.deepCopy()));
    assertThat(r.compatible()).isTrue();
    assertThat(r.versions()).hasSize(2).allMatch(v -> v.changes().isEmpty());
  }

  @Test
  void transitiveModesCheckEveryEarlierVersionOthersOnlyTheLatest() {
    JsonNode v1 = Json.parse("{'type':'object','properties':{'name':{'type':'string','maxLength':10}}}");
    JsonNode v2 = Json.parse("{'type':'object','properties':{'name':{'type':'string','maxLength':5}}}");
    JsonNode v3 = Json.parse("{'type':'object','properties':{'name':{'type':'string','maxLength':5}},'required':[]}");
    CompatibilityReport latest = ENGINE.check(CompatibilityMode.BACKWARD, CompatibilityPolicy.STRICT, v3, List.of(v1, v2));
    assertThat(latest.compatible()).isTrue();
    assertThat(latest.versions()).extracting(VersionResult::versionIndex).containsExactly(1);
    CompatibilityReport all = ENGINE.check(CompatibilityMode.BACKWARD_TRANSITIVE, CompatibilityPolicy.STRICT, v3,
        List.of(v1, v2));
    assertThat(all.compatible()).isFalse();
    assertThat(all.versions()).extracting(VersionResult::versionIndex).containsExactly(0, 1);
    assertThat(all.versions()).extracting(VersionResult::compatible).containsExactly(false, true);
    assertThat(all.violations()).singleElement().satisfies(v -> {
      assertThat(v.change().kind()).isEqualTo(ChangeKind.MAX_LENGTH_DECREASED);
      assertThat(v.witnesses()).singleElement().isInstanceOfSatisfying(WitnessSearch.Confirmed.class,
          w -> assertThat(w.witness().instance().at("/name").asString()).hasSize(10));
    });
    assertThat(ENGINE.check(CompatibilityMode.FORWARD_TRANSITIVE, CompatibilityPolicy.STRICT, v3, List.of(v1, v2))
        .compatible()).isTrue();
    assertThat(ENGINE.check(CompatibilityMode.FULL_TRANSITIVE, CompatibilityPolicy.STRICT, v3, List.of(v1, v2))
        .compatible()).isFalse();
  }

  @Test
  void noEarlierVersionOrModeNoneIsCompatible() {
    JsonNode v = Json.parse("{'type':'string'}");
    assertThat(ENGINE.check(CompatibilityMode.FULL_TRANSITIVE, CompatibilityPolicy.STRICT, v, List.of()).compatible())
        .isTrue();
    CompatibilityReport none = ENGINE.check(CompatibilityMode.NONE, CompatibilityPolicy.STRICT, v,
        List.of(Json.parse("{'type':'integer'}")));
    assertThat(none.compatible()).isTrue();
    assertThat(none.versions()).isEmpty();
  }

  @Test
  void lenientPolicyAllowsTolerantReaderChangesOnly() {
    JsonNode v1 = Json.parse("{'type':'object','properties':{'a':{'type':'string'}}}");
    JsonNode v2 = Json.parse("{'type':'object','properties':{'a':{'type':'string'},'b':{'type':'integer'}},"
        + "'additionalProperties':false}");
    assertThat(ENGINE.check(CompatibilityMode.FULL, CompatibilityPolicy.LENIENT, v2, List.of(v1)).compatible()).isTrue();
    CompatibilityReport strict = ENGINE.check(CompatibilityMode.FULL, CompatibilityPolicy.STRICT, v2, List.of(v1));
    assertThat(strict.compatible()).isFalse();
    assertThat(strict.violations()).extracting(j -> j.change().kind()).containsExactly(
        ChangeKind.PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL, ChangeKind.ADDITIONAL_PROPERTIES_NARROWED);
    JsonNode v3 = Json.parse("{'type':'object','properties':{'a':{'type':'string'},'b':{'type':'integer'}},"
        + "'required':['b']}");
    assertThat(ENGINE.check(CompatibilityMode.BACKWARD, CompatibilityPolicy.LENIENT, v3, List.of(v1)).compatible())
        .isFalse();
  }

  @Test
  void reportsTheEmailNullExampleWithAWitness() {
    JsonNode v3 = Json.parse("{'type':'object','properties':{'email':{'type':['string','null'],'format':'email'}}}");
    JsonNode v4 = Json.parse("{'type':'object','properties':{'email':{'type':'string','format':'email'}}}");
    CompatibilityReport r = ENGINE.check(CompatibilityMode.BACKWARD, CompatibilityPolicy.STRICT, v4, List.of(v3));
    JudgedChange change = r.violations().get(0);
    assertThat(change.change().kind()).isEqualTo(ChangeKind.TYPE_NARROWED);
    assertThat(change.sentence()).isEqualTo(
        "Field 'email' accepts fewer kinds of value than before: was [string, null], now string.");
    assertThat(change.witnesses()).singleElement().isInstanceOfSatisfying(WitnessSearch.Confirmed.class, w -> {
      assertThat(w.witness().instance()).isEqualTo(Json.parse("{'email':null}"));
      assertThat(w.witness().acceptedBy()).isEqualTo("old");
    });
  }
}
