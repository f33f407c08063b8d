package org.recsys.attention.sasrec;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.recsys.api.TrainingContext;
import org.recsys.data.split.LeaveOneOutSplitter;
import org.recsys.data.synthetic.SyntheticConfig;
import org.recsys.data.synthetic.SyntheticGenerator;

/** A weights file that was cut short or appended to is refused, naming the file and what is wrong. */
class SavedWeightsErrorsTest {
  @TempDir Path dir;

  @Test
  void truncatedOrLongerWeightsAreNamed() throws IOException {
    SasRecParams p = SasRecParams.builder().maxLen(8).hiddenSize(8).blocks(1).heads(1).epochs(1).threads(1).build();
    try (SasRecModel model = (SasRecModel) new SasRecFactory().trainer(p).train(new LeaveOneOutSplitter().split(
        SyntheticGenerator.generate(SyntheticConfig.tiny())).trainingData(), TrainingContext.ofSeed(1))) {
      model.save(dir);
    }
    Path weights = dir.resolve(SasRecModel.WEIGHTS);
    byte[] all = Files.readAllBytes(weights);
    Files.write(weights, Arrays.copyOf(all, all.length - 10));
    // Before: "weights.bin: null".
    assertThatThrownBy(() -> new SasRecFactory().load(dir)).isInstanceOf(IOException.class)
        .hasMessageContaining(weights + ": truncated: the data ends inside tensor");
    Files.write(weights, all);
    Files.write(weights, new byte[] {1, 2, 3}, StandardOpenOption.APPEND);
    // Before: accepted.
    assertThatThrownBy(() -> new SasRecFactory().load(dir)).isInstanceOf(IOException.class)
        .hasMessageContaining(weights + ": 3 unexpected bytes after the last tensor");
  }
}
