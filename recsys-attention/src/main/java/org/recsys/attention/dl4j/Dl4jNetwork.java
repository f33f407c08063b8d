package org.recsys.attention.dl4j;

import java.util.Arrays;
import java.util.List;
import org.recsys.api.Recommender;
import org.recsys.attention.layer.ParameterSpec;
import org.recsys.attention.model.Architecture;
import org.recsys.attention.model.NativeInference;
import org.recsys.attention.nn.ParameterSet;
import org.recsys.attention.train.PackedSequences;
import org.recsys.attention.train.TrainableNetwork;
import org.recsys.attention.train.TrainingBatch;

/**
 * A composed {@link Architecture} as a {@link TrainableNetwork} on the dl4j backend: each step's forward pass and
 * loss is a {@link SameDiffGraph}, differentiated by SameDiff, its gradients written into the same
 * {@link ParameterSet} the native network uses, so that {@code SequenceTrainer}'s own Adam, snapshots and
 * checkpoints apply unchanged. Validation ranks on the native kernels over the same weights ({@link NativeInference}).
 *
 * <p>Dropout masks are drawn from each step's seed in Java: repeatable for a seed, but not the native network's
 * masks, so the two backends train alike only without dropout.
 */
public final class Dl4jNetwork implements TrainableNetwork {
  private final Architecture architecture;
  private final ParameterSet weights;
  private final SameDiffGraph graph;
  private NativeInference inference;

  /**
   * Takes ownership of {@code weights}, which must hold the architecture's layout.
   *
   * @throws org.recsys.api.ConfigException naming {@code model.backend} when a component has no graph
   */
  public Dl4jNetwork(Architecture architecture, ParameterSet weights) {
    for (ParameterSpec p : architecture.layout().specs()) {
      if (!Arrays.equals(weights.value(p.name()).shape(), p.shape())) {
        throw new IllegalArgumentException("parameter " + p.name() + " has shape "
            + Arrays.toString(weights.value(p.name()).shape()) + " where the architecture needs "
            + Arrays.toString(p.shape()));
      }
    }
    this.architecture = architecture;
    this.weights = weights;
    this.graph = SameDiffGraph.build(architecture, weights);
  }

  /** A network with fresh weights drawn from {@code seed}: the native network's weights for that seed. */
  public static Dl4jNetwork create(Architecture architecture, long seed) {
    ParameterSet w = architecture.layout().allocate();
    architecture.layout().initialise(w, seed);
    return new Dl4jNetwork(architecture, w);
  }

  public Architecture architecture() {
    return architecture;
  }

  /** The graph (for checks against the native network). */
  public SameDiffGraph graph() {
    return graph;
  }

  @Override
  public ParameterSet parameters() {
    return weights;
  }

  @Override
  public String trainingSetup() {
    return architecture.describe() + ", backend=dl4j";
  }

  @Override
  public int negativesPerPosition() {
    return architecture.loss().negatives();
  }

  @Override
  public double computeGradients(TrainingBatch batch, long seed) {
    architecture.requireWindows(batch);
    int k = negativesPerPosition();
    if (batch.negativesPerPosition() < k) {
      throw new IllegalArgumentException("loss " + architecture.loss().name() + " needs " + k
          + " negatives per position, the batch has " + batch.negativesPerPosition());
    }
    TrainingBatch examples = architecture.objective().prepare(batch, architecture.numItems(), seed);
    // The native network's checks of ids and padding, with its messages.
    PackedSequences.fromWindows(examples.size(), examples.maxLen(), examples.inputs(), examples.targets(),
        examples.negatives(), examples.negativesPerPosition(), architecture.numItems(),
        architecture.objective().specialTokens());
    return graph.gradients(examples, seed);
  }

  /**
   * Every item's score for each history by the graph (column 0 is {@link Float#NEGATIVE_INFINITY}), fed as the
   * objective feeds inference: what the native {@code Recommender} scores, computed by SameDiff.
   *
   * @throws IllegalArgumentException for an empty history or an id outside the catalogue
   */
  public float[][] scoreAll(List<int[]> histories) {
    int len = architecture.maxLen();
    int n = architecture.numItems();
    int[] inputs = new int[histories.size() * len];
    for (int h = 0; h < histories.size(); h++) {
      int[] history = histories.get(h);
      if (history.length == 0) {
        throw new IllegalArgumentException("history " + h + " is empty");
      }
      for (int p = 0; p < history.length; p++) {
        if (history[p] < 1 || history[p] > n) {
          throw new IllegalArgumentException("history " + h + ": item id " + history[p] + " at position " + p
              + " is out of range (valid: 1.." + n + ")");
        }
      }
      int[] in = architecture.objective().inferenceInput(history, len, n);
      int keep = Math.min(in.length, len);
      System.arraycopy(in, in.length - keep, inputs, (h + 1) * len - keep, keep);
    }
    TrainingBatch windows = new TrainingBatch(histories.size(), len, inputs, new int[inputs.length], new int[0], 0);
    float[][] cells = graph.scores(windows);
    float[][] out = new float[histories.size()][];
    for (int h = 0; h < out.length; h++) {
      out[h] = cells[(h + 1) * len - 1];
      out[h][0] = Float.NEGATIVE_INFINITY;
    }
    return out;
  }

  @Override
  public Recommender recommender() {
    if (inference == null) {
      inference = new NativeInference(architecture, weights);
    }
    return inference.recommender();
  }

  @Override
  public void close() {
    if (inference != null) {
      inference.close();
    }
    weights.close();
  }
}
