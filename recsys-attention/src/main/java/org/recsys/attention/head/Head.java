package org.recsys.attention.head;

import java.util.List;
import java.util.Optional;
import org.recsys.attention.layer.ParameterSpec;
import org.recsys.attention.nn.FloatTensor;
import org.recsys.attention.nn.ParameterSet;

/**
 * A model's head: how a state is scored against items. Training and inference score through the same
 * {@link Scoring} kernels, so the logits a loss sees are the scores a recommendation ranks by.
 */
public interface Head {
  /** The config name ({@code dot}, ...). */
  String type();

  /** The parameters the head owns (none when it scores against the encoder's own item table, without a bias). */
  List<ParameterSpec> parameters();

  /** The name of the table {@code [n + 1 (+ special tokens), stateSize]} whose rows {@code 1..n} are scored. */
  String table();

  /** The name of the per-item score bias {@code [n + 1]}, when scores have one. */
  Optional<String> biasName();

  /** The items scored: ids {@code 1..numItems()}. */
  int numItems();

  /** The size of the states it scores. */
  int stateSize();

  /**
   * The scoring kernels over {@code weights}' table (and bias).
   *
   * @param grads the gradients aligned with {@code weights}, into which backward passes add; null for inference
   */
  default Scoring scoring(ParameterSet weights, FloatTensor[] grads) {
    int t = weights.indexOf(table());
    int b = biasName().map(weights::indexOf).orElse(-1);
    return new DotScoring(weights.get(t).value(), b < 0 ? null : weights.get(b).value(), numItems(), stateSize(),
        grads == null ? null : grads[t], grads == null || b < 0 ? null : grads[b]);
  }
}
