package org.recsys.cli.testplugin;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.recsys.api.AtomicFiles;
import org.recsys.api.ConfigException;
import org.recsys.api.ItemVocabulary;
import org.recsys.api.ModelFactory;
import org.recsys.api.TrainedModel;
import org.recsys.api.Trainer;
import org.recsys.api.VocabularyFile;

/**
 * A component that lives only in test code: it proves that a jar on the class path adds a model by name.
 * It scores an item by how recently it appeared in the history, decayed by {@code decay} per step.
 */
public final class RecencyModelFactory implements ModelFactory<RecencyModelFactory.Params> {
  /**
   * Parameters of the test component.
   *
   * @param decay the weight of each step back in the history
   * @param failTraining make training fail, as a crash midway through a run would (for tests of what a failed
   *     run leaves behind)
   */
  public record Params(@JsonProperty("decay") Double decay, @JsonProperty("failTraining") Boolean failTraining) {
    public Params(Double decay) {
      this(decay, null);
    }

    public Params {
      failTraining = failTraining != null && failTraining;
      decay = decay == null ? 0.5 : decay;
      if (decay <= 0 || decay > 1) {
        throw new ConfigException("decay", "decay must be in (0, 1], got " + decay);
      }
    }
  }

  @Override
  public Class<Params> parametersType() {
    return Params.class;
  }

  @Override
  public Trainer trainer(Params parameters) {
    return (data, context) -> {
      if (parameters.failTraining()) {
        throw new IllegalStateException("training failed on purpose (failTraining: true)");
      }
      return new RecencyModel(data.train().items(), parameters.decay());
    };
  }

  @Override
  public TrainedModel load(Path dir) throws IOException {
    double decay = Double.parseDouble(Files.readString(dir.resolve("decay.txt")).trim());
    return new RecencyModel(VocabularyFile.read(dir.resolve(VocabularyFile.FILE_NAME)), decay);
  }

  /** The trained test model. */
  public record RecencyModel(ItemVocabulary vocabulary, double decay) implements TrainedModel {
    @Override
    public String type() {
      return "test-recency";
    }

    @Override
    public int numItems() {
      return vocabulary.size();
    }

    @Override
    public float[][] scoreAll(List<int[]> histories) {
      float[][] out = new float[histories.size()][numItems() + 1];
      for (int u = 0; u < out.length; u++) {
        out[u][0] = Float.NEGATIVE_INFINITY;
        int[] h = histories.get(u);
        double w = 1;
        for (int i = h.length - 1; i >= 0; i--, w *= decay) {
          out[u][h[i]] += (float) w;
        }
      }
      return out;
    }

    @Override
    public float[][] scoreCandidates(List<int[]> histories, int[][] candidates) {
      float[][] all = scoreAll(histories);
      float[][] out = new float[candidates.length][];
      for (int u = 0; u < out.length; u++) {
        out[u] = new float[candidates[u].length];
        for (int j = 0; j < candidates[u].length; j++) {
          out[u][j] = all[u][candidates[u][j]];
        }
      }
      return out;
    }

    @Override
    public void save(Path dir) throws IOException {
      VocabularyFile.write(vocabulary, dir.resolve(VocabularyFile.FILE_NAME));
      AtomicFiles.writeString(dir.resolve("decay.txt"), Double.toString(decay));
    }
  }
}
