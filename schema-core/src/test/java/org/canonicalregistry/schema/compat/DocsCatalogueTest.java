package org.canonicalregistry.schema.compat;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** docs/compatibility.md lists every change type with the directions the code gives it, so the two cannot drift. */
class DocsCatalogueTest {

  @Test
  void everyKindIsDocumentedWithItsDirections() throws IOException {
    List<String> lines = Files.readAllLines(Path.of("../docs/compatibility.md"));
    for (ChangeKind kind : ChangeKind.values()) {
      String row = lines.stream().filter(l -> l.startsWith("| `" + kind.name() + "` |")).findFirst().orElse(null);
      assertThat(row).as("catalogue row for %s", kind).isNotNull();
      List<String> cells = Arrays.stream(row.split("(?<!\\\\)\\|")).map(String::trim).toList();
      assertThat(cells.get(2)).as("%s strict", kind).isEqualTo(kind.strict().name());
      assertThat(cells.get(3)).as("%s lenient", kind).isEqualTo(kind.lenient().name());
    }
  }
}
