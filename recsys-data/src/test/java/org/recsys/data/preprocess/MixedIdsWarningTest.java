package org.recsys.data.preprocess;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.recsys.data.DataConfig;
import org.recsys.data.DataPipeline;
import org.recsys.data.LoadedData;

/** One non-numeric id among numeric ones changes the order of every id: that is said, not silent. */
class MixedIdsWarningTest {
  @TempDir Path dir;

  @Test
  void aStrayNonNumericItemIdIsAWarning() throws IOException {
    Path f = dir.resolve("d.txt");
    Files.writeString(f, "1 2\n1 10\n1 3\n2 2\n2 x\n2 10\n");
    LoadedData data = DataPipeline.load(DataConfig.file(f, "sasrec"));
    assertThat(data.dataset().items().externalIds()).containsExactly("10", "2", "3", "x");
    // Before: only "lexicographic id order" in the provenance, with nothing pointing at the cause.
    assertThat(data.provenance().get("preprocess." + Preprocessor.WARNING))
        .startsWith("1 of 4 item ids are not integers (e.g. 'x'), so all item ids are ordered as strings");
  }

  @Test
  void allNumericOrAllTextIdsAreFine() {
    assertThat(IdOrder.mixedWarning(List.of("1", "2", "10"), "item")).isEmpty();
    assertThat(IdOrder.mixedWarning(List.of("a", "b"), "item")).isEmpty();
  }
}
