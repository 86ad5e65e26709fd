package org.canonicalregistry.schema.compat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.canonicalregistry.schema.ReferenceResolver;
import org.canonicalregistry.schema.SchemaReference;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JsonPointer;
import tools.jackson.databind.JsonNode;

class ReferenceAndPointerTest {
  private static final CompatibilityEngine ENGINE = CompatibilityEngine.builder().witnesses(false).build();

  @Test
  void pointersEscapeSlashAndTildeInPropertyNames() {
    List<SchemaChange> changes = ENGINE.diff(
        Json.parse("{'properties':{'a/b':{'type':'string'},'m~n':{'type':'string'}}}"),
        Json.parse("{'properties':{'a/b':{'type':'integer'},'m~n':{'type':'integer'}}}"));
    assertThat(changes).extracting(SchemaChange::oldPointer).containsExactly(
        JsonPointer.compile("/properties/a~1b/type"), JsonPointer.compile("/properties/m~0n/type"));
    assertThat(changes.get(0).oldPointer().toString()).isEqualTo("/properties/a~1b/type");
    assertThat(changes.get(0).field()).isEqualTo("a/b");
  }

  @Test
  void pointersAndFieldNameTheNestedLocation() {
    List<SchemaChange> changes = ENGINE.diff(
        Json.parse("{'properties':{'lines':{'type':'array','items':{'properties':{'sku':{'maxLength':10}}}}}}"),
        Json.parse("{'properties':{'lines':{'type':'array','items':{'properties':{'sku':{'maxLength':8}}}}},'required':['lines']}"));
    assertThat(changes).extracting(SchemaChange::kind)
        .containsExactly(ChangeKind.MAX_LENGTH_DECREASED, ChangeKind.REQUIRED_PROPERTY_ADDED);
    SchemaChange max = changes.get(0);
    assertThat(max.oldPointer()).hasToString("/properties/lines/items/properties/sku/maxLength");
    assertThat(max.field()).isEqualTo("lines[].sku");
    assertThat(max.sentence()).isEqualTo("Field 'lines[].sku' must be shorter than before: was 10, now 8.");
    assertThat(changes.get(1).newPointer()).hasToString("/required/0");
  }

  @Test
  void localDefinitionsAreFollowed() {
    List<SchemaChange> changes = ENGINE.diff(
        Json.parse("{'$defs':{'email':{'type':['string','null']}},'properties':{'email':{'$ref':'#/$defs/email'}}}"),
        Json.parse("{'$defs':{'email':{'type':'string'}},'properties':{'email':{'$ref':'#/$defs/email'}}}"));
    assertThat(changes).singleElement().satisfies(c -> {
      assertThat(c.kind()).isEqualTo(ChangeKind.TYPE_NARROWED);
      assertThat(c.oldPointer()).hasToString("/$defs/email/type");
      assertThat(c.field()).isEqualTo("email");
    });
  }

  @Test
  void inliningADefinitionIsNotAChange() {
    assertThat(ENGINE.diff(
        Json.parse("{'$defs':{'id':{'type':'string','maxLength':5}},'properties':{'id':{'$ref':'#/$defs/id'}}}"),
        Json.parse("{'properties':{'id':{'type':'string','maxLength':5}}}"))).isEmpty();
  }

  static final String TREE_V1 = "{'$defs':{'node':{'type':'object','properties':{'name':{'type':'string','maxLength':20},"
      + "'children':{'type':'array','items':{'$ref':'#/$defs/node'}}}}},'$ref':'#/$defs/node'}";
  static final String TREE_V2 = TREE_V1.replace("20", "10");

  @Test
  void recursiveSchemasTerminateAndReportTheChangeOnce() {
    List<SchemaChange> changes = ENGINE.diff(Json.parse(TREE_V1), Json.parse(TREE_V2));
    assertThat(changes).singleElement().satisfies(c -> {
      assertThat(c.kind()).isEqualTo(ChangeKind.MAX_LENGTH_DECREASED);
      assertThat(c.oldPointer()).hasToString("/$defs/node/properties/name/maxLength");
    });
  }

  @Test
  void recursiveChangeGetsAConfirmedWitness() {
    CompatibilityReport r = CompatibilityEngine.withDefaults().check(CompatibilityMode.BACKWARD,
        CompatibilityPolicy.STRICT, Json.parse(TREE_V2), List.of(Json.parse(TREE_V1)));
    assertThat(r.compatible()).isFalse();
    assertThat(r.violations().get(0).witnesses()).singleElement().isInstanceOf(WitnessSearch.Confirmed.class);
  }

  @Test
  void registryReferencesAreResolvedThroughTheResolver() {
    Map<String, JsonNode> store = Map.of(
        "address:1.0", Json.parse("{'type':'object','properties':{'city':{'type':'string','maxLength':50}}}"),
        "address:1.1", Json.parse("{'type':'object','properties':{'city':{'type':'string','maxLength':80}}}"));
    ReferenceResolver resolver = ref -> Optional.ofNullable(store.get(ref.entity() + ":" + ref.major() + "." + ref.minor()));
    // No explicit SchemaEngine: the default validator must resolve the same registry references.
    CompatibilityEngine engine = CompatibilityEngine.builder().referenceResolver(resolver).build();
    JsonNode v1 = Json.parse("{'properties':{'home':{'$ref':'urn:canonical:address:1.0'}}}");
    JsonNode v2 = Json.parse("{'properties':{'home':{'$ref':'urn:canonical:address:1.1'}}}");
    List<SchemaChange> changes = engine.diff(v1, v2);
    assertThat(changes).singleElement().satisfies(c -> {
      assertThat(c.kind()).isEqualTo(ChangeKind.MAX_LENGTH_INCREASED);
      assertThat(c.field()).isEqualTo("home.city");
    });
    CompatibilityReport r = engine.check(CompatibilityMode.FULL, CompatibilityPolicy.STRICT, v2, List.of(v1));
    assertThat(r.compatible()).isFalse();
    assertThat(r.violations().get(0).witnesses()).singleElement()
        .isInstanceOfSatisfying(WitnessSearch.Confirmed.class,
            w -> assertThat(w.witness().instance().at("/home/city").asString()).hasSizeGreaterThan(50));
    assertThat(SchemaReference.parse("urn:canonical:address:1.0")).isPresent();
  }

  @Test
  void unknownRegistryReferenceIsConservativelyBreaking() {
    List<SchemaChange> changes = ENGINE.diff(Json.parse("{'$ref':'urn:canonical:address:1.0'}"),
        Json.parse("{'$ref':'urn:canonical:address:2.0'}"));
    assertThat(changes).extracting(SchemaChange::kind).containsExactly(ChangeKind.REFERENCE_UNRESOLVED);
  }

  @Test
  void olderDraftsAreNormalisedBeforeDiffing() {
    JsonNode draft4 = Json.parse("{'$schema':'http://json-schema.org/draft-04/schema#','type':'object','properties':{"
        + "'n':{'type':'number','maximum':5,'exclusiveMaximum':true},'t':{'type':'array','items':[{'type':'string'}],"
        + "'additionalItems':false}},'dependencies':{'n':['t']}}");
    JsonNode v2020 = Json.parse("{'type':'object','properties':{'n':{'type':'number','exclusiveMaximum':5},"
        + "'t':{'type':'array','prefixItems':[{'type':'string'}],'items':false}},'dependentRequired':{'n':['t']}}");
    assertThat(ENGINE.diff(draft4, v2020)).isEmpty();
    JsonNode draft7 = Json.parse("{'$schema':'http://json-schema.org/draft-07/schema#','definitions':{'a':{'type':'string'}},"
        + "'properties':{'a':{'$ref':'#/definitions/a'}}}");
    JsonNode narrowed = Json.parse("{'properties':{'a':{'type':'string','maxLength':3}}}");
    assertThat(ENGINE.diff(draft7, narrowed)).extracting(SchemaChange::kind)
        .containsExactly(ChangeKind.MAX_LENGTH_DECREASED);
  }
}
