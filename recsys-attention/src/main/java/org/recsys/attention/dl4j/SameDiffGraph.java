package org.recsys.attention.dl4j;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.api.OutAndGrad;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.concurrency.AffinityManager;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.recsys.api.ConfigException;
import org.recsys.attention.head.DotHead;
import org.recsys.attention.layer.Layer;
import org.recsys.attention.layer.SequenceEncoder;
import org.recsys.attention.loss.SoftmaxCrossEntropy;
import org.recsys.attention.model.Architecture;
import org.recsys.attention.nn.ParameterSet;
import org.recsys.attention.train.TrainingBatch;

/**
 * A composed {@link Architecture} as one SameDiff graph: the encoder, the head and the loss, each built by the graph
 * class of its layer kind over the same parameter names and layouts as the native layers, the weights shared with a
 * {@link ParameterSet} in place. SameDiff differentiates the loss; what its ops cannot (table lookups, dropout) is
 * fed from Java as placeholders, whose gradients go back into the tables here.
 *
 * <p>Not thread-safe: one step or inference call at a time.
 */
public final class SameDiffGraph {
  /** The encoder's states, {@code [cells, size]}. */
  static final String STATES = "encoder.states";
  /** Every item's score at every cell, {@code [cells, n + 1]}. */
  static final String SCORES = "head.scores";
  static final String LOSS = "loss";
  /** Each cell's weight in the loss: 1 / (cells with a target) where the cell has one, else 0. */
  static final String CELL_WEIGHTS = "loss.cell_weights";

  private final Architecture architecture;
  private final ParameterSet weights;
  private final SameDiff sd;
  private final GraphContext context;
  private final List<String> gradients = new ArrayList<>();

  private SameDiffGraph(Architecture architecture, ParameterSet weights) {
    this.architecture = architecture;
    this.weights = weights;
    this.sd = SameDiff.create();
    this.context = new GraphContext(sd, weights, architecture.maxLen());
    SequenceEncoder encoder = architecture.encoder();
    SDVariable x = new EmbeddingGraph(encoder.embedding()).forward(context);
    for (Layer layer : encoder.blocks()) {
      x = LayerGraph.of(layer).orElseThrow().forward(context, x);
    }
    if (encoder.finalNorm().isPresent()) {
      x = new LayerNormGraph(encoder.finalNorm().get()).forward(context, x);
    }
    SDVariable states = sd.identity(STATES, x);
    context.encoderBuilt();
    DotHeadGraph head = new DotHeadGraph((DotHead) architecture.head());
    SDVariable cells = LossGraph.of(architecture.loss(), architecture.scoreBias()).orElseThrow()
        .cellLosses(context, head, states);
    SDVariable loss = sd.sum(LOSS, cells.mul(sd.placeHolder(CELL_WEIGHTS, DataType.FLOAT, -1, 1)));
    loss.markAsLoss();
    context.lossBuilt();
    sd.identity(SCORES, head.scoreAll(context, states));
    gradients.addAll(context.trained());
    for (RowLookup l : context.lookups()) {
      if (l.table() != null) {
        gradients.add(l.placeholder());
      }
    }
    createGradFunctionQuietly();
  }

  /**
   * The graph of {@code architecture} over {@code weights}, which must hold its layout and stay open while the graph
   * is used.
   *
   * @throws ConfigException naming {@code model.backend} when a component has no graph (see {@link #requireSupported})
   */
  public static SameDiffGraph build(Architecture architecture, ParameterSet weights) {
    List<String> blocks = new ArrayList<>();
    for (Layer l : architecture.encoder().blocks()) {
      blocks.add(l.name());
    }
    requireSupported(architecture, blocks);
    return new SameDiffGraph(architecture, weights);
  }

  /**
   * Fails unless every component of {@code architecture} has a graph: the embedding (any positions), transformer
   * blocks (any attention and layout), lstm, gru and attention-pooling blocks, {@link SameDiffBlock}s, the final
   * norm, the dot head, and the losses bce, gbce, sampled-softmax and ce (without {@code excludeHistory}). Objectives run in Java and are all supported.
   *
   * @param blockKeys what to call each block in the message (e.g. {@code model.encoder.blocks[1] (type lstm)})
   * @throws ConfigException naming {@code model.backend} and the component
   */
  public static void requireSupported(Architecture architecture, List<String> blockKeys) {
    List<Layer> blocks = architecture.encoder().blocks();
    for (int i = 0; i < blocks.size(); i++) {
      if (LayerGraph.of(blocks.get(i)).isEmpty()) {
        throw unsupported("block " + blockKeys.get(i),
            "transformer, lstm, gru and attention-pooling blocks and SameDiff blocks");
      }
    }
    if (!(architecture.head() instanceof DotHead)) {
      throw unsupported("head model.head (type " + architecture.head().type() + ")", "the dot head");
    }
    if (LossGraph.of(architecture.loss(), architecture.scoreBias()).isEmpty()) {
      String what = architecture.loss() instanceof SoftmaxCrossEntropy
          ? "loss model.loss (type ce) with model.loss.excludeHistory: true"
          : "loss model.loss (type " + architecture.loss().name() + ")";
      throw unsupported(what, "the losses bce, gbce, sampled-softmax and ce without excludeHistory");
    }
  }

  private static ConfigException unsupported(String what, String supported) {
    return new ConfigException("model.backend", "model.backend: dl4j does not support the " + what
        + " yet (its SameDiff graphs cover " + supported + "); use model.backend: native for this model");
  }

  /**
   * Runs the graph forward and backward on a step's examples, overwriting every gradient of the weights with
   * d(mean loss over the target cells)/d(weight).
   *
   * @param seed the seed of the step's dropout masks
   * @return the mean loss over the cells with a target (0 when none has one)
   */
  public double gradients(TrainingBatch examples, long seed) {
    weightsWrittenOnHost();
    weights.zeroGradients();
    int count = examples.targetCount();
    if (count == 0) {
      return 0;
    }
    Map<String, int[]> ids = new LinkedHashMap<>();
    Map<String, INDArray> feed = encoderFeed(examples, true, seed, ids);
    for (RowLookup l : context.lookups().subList(context.encoderLookups().size(), context.lookups().size())) {
      int[] cellIds = l.ids().apply(examples);
      ids.put(l.placeholder(), cellIds);
      feed.put(l.placeholder(), l.rows(weights, cellIds));
    }
    for (BatchFeed f : context.feeds()) {
      feed.put(f.placeholder(), f.array(examples));
    }
    float[] cellWeights = new float[examples.targets().length];
    for (int c = 0; c < cellWeights.length; c++) {
      cellWeights[c] = examples.targets()[c] == 0 ? 0f : 1f / count;
    }
    feed.put(CELL_WEIGHTS, Nd4j.create(cellWeights, new long[] {cellWeights.length, 1}, 'c'));
    OutAndGrad result = sd.calculateGradientsAndOutputs(feed, List.of(LOSS), gradients);
    Map<String, INDArray> g = result.getGradients();
    for (String name : context.trained()) {
      INDArray grad = g.get(name);
      if (grad != null) {
        // Through the host, where Adam reads gradients: on a GPU backend an ND4J assign would write the device copy.
        weights.get(weights.indexOf(name)).gradient().copyFrom(RowLookup.floats(grad));
      }
    }
    for (RowLookup l : context.lookups()) {
      l.scatter(weights, ids.get(l.placeholder()), g.get(l.placeholder()));
    }
    double loss = result.getOutputs().get(LOSS).getDouble(0);
    close(feed.values());
    close(g.values());
    close(result.getOutputs().values());
    return loss;
  }

  /** The states of every cell of {@code windows} ({@code [cells][size]}), without dropout. */
  public float[][] states(TrainingBatch windows) {
    return rows(windows, STATES, architecture.encoder().outputSize());
  }

  /** Every item's score at every cell of {@code windows} ({@code [cells][n + 1]}), without dropout. */
  public float[][] scores(TrainingBatch windows) {
    return rows(windows, SCORES, architecture.numItems() + 1);
  }

  private float[][] rows(TrainingBatch windows, String output, int width) {
    weightsWrittenOnHost();
    Map<String, INDArray> feed = encoderFeed(windows, false, 0L, new LinkedHashMap<>());
    Map<String, INDArray> out = sd.output(feed, output);
    float[] flat = RowLookup.floats(out.get(output));
    float[][] rows = new float[flat.length / width][width];
    for (int r = 0; r < rows.length; r++) {
      System.arraycopy(flat, r * width, rows[r], 0, width);
    }
    close(feed.values());
    close(out.values());
    return rows;
  }

  private Map<String, INDArray> encoderFeed(TrainingBatch windows, boolean training, long seed,
      Map<String, int[]> ids) {
    Map<String, INDArray> feed = new LinkedHashMap<>();
    float[] valid = new float[windows.inputs().length];
    for (int c = 0; c < valid.length; c++) {
      valid[c] = windows.inputs()[c] == 0 ? 0f : 1f;
    }
    feed.put(GraphContext.VALID, Nd4j.create(valid, new long[] {windows.size(), windows.maxLen()}, 'c'));
    for (RowLookup l : context.encoderLookups()) {
      int[] cellIds = l.ids().apply(windows);
      ids.put(l.placeholder(), cellIds);
      feed.put(l.placeholder(), l.rows(weights, cellIds));
    }
    for (DropoutMask m : context.masks()) {
      feed.put(m.placeholder(), m.draw(windows.size(), windows.maxLen(), training, seed));
    }
    return feed;
  }

  /**
   * Tells ND4J that the weights changed in host memory (Adam and snapshots write them through Java buffers), so that
   * a GPU backend copies them to the device before the graph reads them. A no-op on the CPU backend.
   */
  private void weightsWrittenOnHost() {
    for (String name : context.trained()) {
      Nd4j.getAffinityManager().tagLocation(weights.value(name).array(), AffinityManager.Location.HOST);
    }
  }

  /** Frees the closeable arrays among {@code arrays} (nulls allowed): feeds and outputs of one graph call. */
  static void close(Iterable<INDArray> arrays) {
    for (INDArray a : arrays) {
      if (a != null && a.closeable()) {
        a.close();
      }
    }
  }

  /**
   * SameDiff prints a line per differentiated op to {@code System.out} (DL4J 1.0.0-M2.1, see
   * {@code UpstreamCanaryTest}): the CLI's output would drown, so the gradient function is created once, here, with
   * {@code System.out} silenced.
   */
  private void createGradFunctionQuietly() {
    List<String> placeholders = new ArrayList<>(gradients);
    placeholders.retainAll(context.lookups().stream().map(RowLookup::placeholder).toList());
    synchronized (System.class) {
      PrintStream out = System.out;
      System.setOut(new PrintStream(OutputStream.nullOutputStream()));
      try {
        sd.createGradFunction(placeholders.toArray(String[]::new));
      } finally {
        System.setOut(out);
      }
    }
  }
}
