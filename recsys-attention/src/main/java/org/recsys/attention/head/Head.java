package org.recsys.attention.head;

import java.util.List;
import org.recsys.attention.layer.ParameterSpec;
import org.recsys.attention.nn.FloatTensor;
import org.recsys.attention.nn.ParameterSet;

/**
 * A model's head: how a state is scored against items. Training and inference score through the same
 * {@link DotScoring} kernels, so the logits a loss sees are the scores a recommendation ranks by.
 */
public interface Head {
  /** The config name ({@code dot}, ...). */
  String type();

  /** The parameters the head owns (none when it scores against the encoder's own item table). */
  List<ParameterSpec> parameters();

  /** The name of the table {@code [n + 1 (+ special tokens), stateSize]} whose rows {@code 1..n} are scored. */
  String table();

  /** The items scored: ids {@code 1..numItems()}. */
  int numItems();

  /** The size of the states it scores. */
  int stateSize();

  /** The scoring kernels over {@code weights}' table, adding gradients into {@code tableGradient} when not null. */
  default DotScoring scoring(ParameterSet weights, FloatTensor tableGradient) {
    return new DotScoring(weights.value(table()), numItems(), stateSize(), tableGradient);
  }
}
