package org.recsys.attention.dl4j;

import java.util.ArrayList;
import java.util.List;
import org.recsys.api.ConfigException;
import org.recsys.attention.layer.Initializer;
import org.recsys.attention.layer.ParameterSpec;
import org.recsys.attention.spec.BlockContext;

/**
 * Caser's convolution block as a {@link SameDiffBlock} over {@link CaserGraph}. Every weight starts as PyTorch
 * starts Caser's layers: uniform in {@code +-1/sqrt(fan_in)}.
 *
 * <p>Caser learns a free embedding per user id. recsys models score histories, not user ids (a new user needs no
 * retraining), so the user term here is the mean of the rows read so far through a learned map: the same place in
 * the output layer ({@code [z ; u]} scored by an item table of width {@code 2d}), computed from the history.
 */
public final class CaserBlock {
  private CaserBlock() {}

  /** The block in {@code context}; its output has size {@code 2d} with {@code user}, else {@code d}. */
  public static SameDiffBlock of(BlockContext context, int window, int horizontal, int vertical, double dropout,
      boolean user) {
    if (window > context.maxLen()) {
      throw new ConfigException("window", "window " + window + " is longer than maxLen "
          + context.maxLen());
    }
    String n = context.name();
    int d = context.inputSize();
    CaserGraph graph = new CaserGraph(n, d, window, horizontal, vertical, dropout, user);
    List<ParameterSpec> p = new ArrayList<>();
    for (int h = 1; h <= window; h++) {
      p.add(ParameterSpec.of(n + ".h" + h + ".w", Initializer.uniform(1 / Math.sqrt(h * d)), (long) h * d,
          horizontal));
      p.add(ParameterSpec.of(n + ".h" + h + ".b", Initializer.uniform(1 / Math.sqrt(h * d)), horizontal));
    }
    p.add(ParameterSpec.of(n + ".v.w", Initializer.uniform(1 / Math.sqrt(window)), vertical, window));
    p.add(ParameterSpec.of(n + ".v.b", Initializer.uniform(1 / Math.sqrt(window)), vertical));
    double fc = 1 / Math.sqrt(graph.featureWidth());
    p.add(ParameterSpec.of(n + ".fc.w", Initializer.uniform(fc), graph.featureWidth(), d));
    p.add(ParameterSpec.of(n + ".fc.b", Initializer.uniform(fc), d));
    if (user) {
      p.add(ParameterSpec.of(n + ".user.w", Initializer.uniform(1 / Math.sqrt(d)), d, d));
    }
    return SameDiffBlock.of(context, user ? 2 * d : d, p, true, graph);
  }
}
