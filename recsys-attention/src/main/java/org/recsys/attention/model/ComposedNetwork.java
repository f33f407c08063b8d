package org.recsys.attention.model;

import java.util.ArrayList;
import java.util.List;
import org.recsys.api.Recommender;
import org.recsys.attention.layer.Layer;
import org.recsys.attention.layer.Rows;
import org.recsys.attention.layer.SequenceEncoder;
import org.recsys.attention.loss.FullLoss;
import org.recsys.attention.nn.FloatTensor;
import org.recsys.attention.nn.ParameterSet;
import org.recsys.attention.nn.WindowItems;
import org.recsys.attention.train.PackedSequences;
import org.recsys.attention.train.ParallelGradients;
import org.recsys.attention.train.TrainableNetwork;
import org.recsys.attention.train.TrainingBatch;

/**
 * A composed {@link Architecture} as a {@link TrainableNetwork} on the native kernels: a step turns the windows
 * into the objective's examples, packs them without padding, splits the sequences into shares of about equal
 * work, runs the encoder, the fused head and loss, and the backward pass on one thread per share (each with its
 * own gradient buffers), and sums the gradients.
 *
 * <p>With the same seed and thread count, steps are bit-for-bit repeatable; dropout masks depend only on the
 * seed and each sequence's index in the batch, so another thread count changes only float summation order.
 */
public final class ComposedNetwork implements TrainableNetwork {
  private final Architecture architecture;
  private final ParameterSet weights;
  private final ParallelGradients workers;
  private final List<Worker> shares = new ArrayList<>();
  private final int biasIndex;
  private NativeInference inference;

  private final class Worker implements AutoCloseable {
    final Rows rows = new Rows();
    final SequenceEncoder.Pass pass;
    final OutputStage output;
    final FloatTensor[] grads;
    FloatTensor dy;
    int dyRows = -1;

    Worker(FloatTensor[] grads) {
      this.grads = grads;
      pass = architecture.encoder().pass(weights, true);
      output = new OutputStage(architecture.head(), architecture.loss(), weights, grads, biasIndex);
    }

    double run(PackedSequences packed, int from, int to, long seed, float invCount) {
      rows.reset(packed, from, to, true, seed);
      FloatTensor y = pass.forward(rows);
      if (rows.rows() > dyRows) {
        if (dy != null) {
          dy.close();
        }
        dyRows = Math.max(rows.rows(), dyRows + dyRows / 2);
        dy = FloatTensor.zeros(Math.max(1L, (long) dyRows * architecture.encoder().outputSize()));
      }
      WindowItems excluded = architecture.loss() instanceof FullLoss f && f.excludesHistory()
          ? new WindowItems(packed.start, packed.items, packed.targets) : null;
      double loss = output.compute(y, rows, invCount, dy, excluded);
      pass.backward(rows, dy, grads);
      return loss;
    }

    @Override
    public void close() {
      pass.close();
      output.close();
      if (dy != null) {
        dy.close();
      }
    }
  }

  /** Takes ownership of {@code weights}, which must hold the architecture's layout. */
  public ComposedNetwork(Architecture architecture, ParameterSet weights, int threads) {
    this.architecture = architecture;
    this.weights = weights;
    this.biasIndex = architecture.scoreBias() ? weights.indexOf(Architecture.SCORE_BIAS) : -1;
    int workersCount = Math.max(1, threads);
    this.workers = new ParallelGradients(weights, workersCount, "recsys-step");
    for (int t = 0; t < workersCount; t++) {
      shares.add(new Worker(workers.gradients(t)));
    }
  }

  /** A network with fresh weights drawn from {@code seed}. */
  public static ComposedNetwork create(Architecture architecture, long seed, int threads) {
    ParameterSet w = architecture.layout().allocate();
    architecture.layout().initialise(w, seed);
    return new ComposedNetwork(architecture, w, threads);
  }

  public Architecture architecture() {
    return architecture;
  }

  @Override
  public ParameterSet parameters() {
    return weights;
  }

  @Override
  public String trainingSetup() {
    return architecture.describe();
  }

  @Override
  public int negativesPerPosition() {
    return architecture.loss().negatives();
  }

  @Override
  public double computeGradients(TrainingBatch batch, long seed) {
    architecture.requireWindows(batch);
    TrainingBatch examples = architecture.objective().prepare(batch, architecture.numItems(), seed);
    return workers.step(examples, architecture.numItems(), architecture.objective().specialTokens(),
        negativesPerPosition(), architecture.loss().name(), this::cost,
        (w, packed, from, to, invCount) -> shares.get(w).run(packed, from, to, seed, invCount));
  }

  /** Each sequence's share of a step's work: its layers' costs plus the loss's per row. */
  private double[] cost(PackedSequences packed) {
    int d = architecture.encoder().outputSize();
    double lossCost = architecture.loss() instanceof FullLoss ? 6.0 * (architecture.numItems() + 1) * d
        : 4.0 * (architecture.loss().negatives() + 1) * d;
    double[] cost = new double[packed.count];
    for (int s = 0; s < packed.count; s++) {
      int n = packed.length(s);
      double c = n * lossCost;
      for (Layer l : architecture.encoder().blocks()) {
        c += l.cost(n);
      }
      cost[s] = c;
    }
    return cost;
  }

  @Override
  public Recommender recommender() {
    if (inference == null) {
      inference = new NativeInference(architecture, weights);
    }
    return inference.recommender();
  }

  /** Every row's state from a forward pass without dropout over {@code packed} (for checks and debugging). */
  public float[][] outputs(PackedSequences packed) {
    try (SequenceEncoder.Pass pass = architecture.encoder().pass(weights, false)) {
      Rows rows = new Rows().reset(packed, 0, packed.count, false, 0L);
      FloatTensor y = pass.forward(rows);
      int d = architecture.encoder().outputSize();
      float[][] out = new float[packed.rows][d];
      for (int r = 0; r < packed.rows; r++) {
        y.buffer().get(r * d, out[r], 0, d);
      }
      return out;
    }
  }

  @Override
  public void close() {
    shares.forEach(Worker::close);
    workers.close();
    if (inference != null) {
      inference.close();
    }
    weights.close();
  }
}
