package org.canonicalregistry.registry.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class SampleCatalogTest {

    static SampleModel model(String entity, String... dependsOn) {
        return new SampleModel(entity, entity + ".schema.json", new byte[0], Set.of(dependsOn));
    }

    static Map<String, SampleModel> models(SampleModel... models) {
        Map<String, SampleModel> byName = new LinkedHashMap<>();
        for (SampleModel m : models) {
            byName.put(m.entity(), m);
        }
        return byName;
    }

    @Test
    void everyModelComesAfterWhatItReferencesWithAlphabeticalTieBreak() {
        List<SampleModel> ordered = SampleCatalog.order(models(
                model("invoice", "order", "customer"), model("order", "customer", "product"),
                model("product"), model("customer")));

        assertThat(ordered).extracting(SampleModel::entity).containsExactly("customer", "product", "order", "invoice");
    }

    @Test
    void referencesToEntitiesOutsideTheSamplesDoNotBlockTheOrder() {
        assertThat(SampleCatalog.order(models(model("a", "elsewhere"), model("b", "a"))))
                .extracting(SampleModel::entity).containsExactly("a", "b");
    }

    @Test
    void aCycleIsReportedWithTheEntitiesInIt() {
        assertThatThrownBy(() -> SampleCatalog.order(models(model("a", "b"), model("b", "a"), model("c"))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("[a, b]");
    }

    @Test
    void shippedModelsAreFoundWithTheirReferencesAndOwnershipMetadata() {
        SampleCatalog catalog = new SampleCatalog(getClass().getClassLoader(), JsonMapper.builder().build());

        List<SampleModel> models = catalog.modelsInDependencyOrder();
        assertThat(models).extracting(SampleModel::entity).containsExactly("customer", "product", "order", "invoice");
        assertThat(models.get(2).dependsOn()).contains("customer", "product");

        Map<String, SampleMetadata> meta = catalog.metadata(List.of("customer", "product", "order", "invoice"));
        assertThat(meta.get("order").domain()).isEqualTo("commerce");
        assertThat(meta.get("order").systemOfRecord()).isEqualTo("erp");
        assertThat(meta.get("invoice").owners()).containsExactlyInAnyOrder("anna.finance", "felix.billing");
    }
}
