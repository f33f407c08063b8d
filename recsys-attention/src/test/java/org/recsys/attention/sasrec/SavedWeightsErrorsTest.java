package org.recsys.attention.sasrec;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.recsys.api.ChecksumList;
import org.recsys.api.TrainingContext;
import org.recsys.attention.model.ComposedModel;
import org.recsys.attention.model.SequentialFactory;
import org.recsys.attention.preset.SasRecPreset;
import org.recsys.data.split.LeaveOneOutSplitter;
import org.recsys.data.synthetic.SyntheticConfig;
import org.recsys.data.synthetic.SyntheticGenerator;

/** A weights file that was cut short or appended to is refused, naming the file and what is wrong. */
class SavedWeightsErrorsTest {
  @TempDir Path dir;

  @Test
  void truncatedOrLongerWeightsAreNamed() throws IOException {
    SequentialFactory factory = SequentialFactory.discover();
    SasRecPreset.Params p = new SasRecPreset.Params(8, 8, 1, 1, null, null, null, null, null, null, null, null, 1,
        null, null, null, null, null, null, null, null, 1, null);
    try (ComposedModel model = (ComposedModel) new SasRecPreset(factory).trainer(p).train(new LeaveOneOutSplitter()
        .split(SyntheticGenerator.generate(SyntheticConfig.tiny())).trainingData(), TrainingContext.ofSeed(1))) {
      model.save(dir);
    }
    Path weights = dir.resolve(ComposedModel.WEIGHTS);
    byte[] all = Files.readAllBytes(weights);
    Files.write(weights, Arrays.copyOf(all, all.length - 10));
    assertThatThrownBy(() -> factory.load(dir)).isInstanceOf(IOException.class)
        .hasMessageContaining(weights + ": checksum mismatch");
    // Re-sealed over the damage (as a hand-copied directory would be), the reader itself must still refuse it.
    ChecksumList.write(dir);
    // Before: "weights.bin: null".
    assertThatThrownBy(() -> factory.load(dir)).isInstanceOf(IOException.class)
        .hasMessageContaining(weights + ": truncated: the data ends inside tensor");
    Files.write(weights, all);
    Files.write(weights, new byte[] {1, 2, 3}, StandardOpenOption.APPEND);
    ChecksumList.write(dir);
    // Before: accepted.
    assertThatThrownBy(() -> factory.load(dir)).isInstanceOf(IOException.class)
        .hasMessageContaining(weights + ": 3 unexpected bytes after the last tensor");
  }
}
