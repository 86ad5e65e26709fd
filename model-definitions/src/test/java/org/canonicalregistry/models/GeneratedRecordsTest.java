package org.canonicalregistry.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.stream.Stream;

import org.canonicalregistry.canonical.customer.v1.Customer;
import org.canonicalregistry.canonical.invoice.v1.Invoice;
import org.canonicalregistry.canonical.order.v1.Order;
import org.canonicalregistry.canonical.product.v1.Product;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import tools.jackson.databind.json.JsonMapper;

/**
 * The jar's generated records (codegen-plugin, from entities/) read every valid example, and carry the identity
 * the adapter runtime stamps messages with.
 */
class GeneratedRecordsTest {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    static Stream<Arguments> validExamples() {
        return Stream.of(Customer.class, Order.class, Invoice.class, Product.class)
                .flatMap(type -> ModelFiles.exampleFiles(entityOf(type), "valid").stream()
                        .map(file -> Arguments.of(entityOf(type) + "/valid/" + file.getFileName(), type, file)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("validExamples")
    void everyValidExampleReadsIntoItsRecord(String name, Class<?> type, Path file) {
        Object value = MAPPER.readValue(ModelFiles.read(file), type);
        assertThat(MAPPER.readValue(MAPPER.writeValueAsBytes(value), type)).isEqualTo(value);
    }

    @Test
    void recordsCarryTheirEntityAndVersion() {
        assertThat(Customer.ENTITY).isEqualTo("customer");
        assertThat(Order.VERSION).isEqualTo("1.0");
        assertThat(Product.GLOBAL_ID).isEqualTo(-1L);
        assertThat(Invoice.FINGERPRINT).hasSize(64);
    }

    private static String entityOf(Class<?> type) {
        return type.getSimpleName().toLowerCase(java.util.Locale.ROOT);
    }
}
