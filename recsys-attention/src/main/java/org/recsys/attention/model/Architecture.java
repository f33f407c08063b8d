package org.recsys.attention.model;

import java.util.ArrayList;
import java.util.List;
import org.recsys.api.ConfigException;
import org.recsys.attention.head.Head;
import org.recsys.attention.layer.Initializer;
import org.recsys.attention.layer.Layer;
import org.recsys.attention.layer.ParameterLayout;
import org.recsys.attention.layer.ParameterSpec;
import org.recsys.attention.layer.SequenceEncoder;
import org.recsys.attention.loss.CandidateLoss;
import org.recsys.attention.loss.Loss;
import org.recsys.attention.objective.Objective;
import org.recsys.attention.train.TrainingBatch;

/**
 * A sequential model as built from its spec: an encoder of layers, a head, a loss and an objective, over a
 * catalogue of {@code numItems} items and windows of {@code maxLen}. The constructor refuses compositions that
 * cannot work, naming the config key.
 *
 * @param scoreBias whether training adds a learned constant to every score (binary losses only)
 */
public record Architecture(SequenceEncoder encoder, Head head, Loss loss, boolean scoreBias, Objective objective,
    int maxLen, int numItems) {
  /** The score bias's parameter name. */
  public static final String SCORE_BIAS = "loss.score_bias";

  public Architecture {
    if (head.stateSize() != encoder.outputSize()) {
      throw new ConfigException("model.head", "the head scores states of size " + head.stateSize()
          + " but the encoder gives " + encoder.outputSize());
    }
    if (head.numItems() != numItems) {
      throw new IllegalArgumentException("a head over " + head.numItems() + " items for " + numItems);
    }
    int rows = encoder.embedding().tableRows();
    if (rows != numItems + 1 + objective.specialTokens()) {
      throw new IllegalArgumentException("an item table of " + rows + " rows for " + numItems + " items and "
          + objective.specialTokens() + " special tokens");
    }
    boolean causal = encoder.blocks().stream().allMatch(Layer::causal);
    if (objective.needsBidirectionalEncoder() && causal) {
      throw new ConfigException("model.objective", "objective " + objective.name() + " needs a bidirectional"
          + " encoder (a block with attention: bidirectional); every block here is causal");
    }
    if (!objective.needsBidirectionalEncoder() && !causal) {
      String block = encoder.blocks().stream().filter(b -> !b.causal()).findFirst().orElseThrow().name();
      throw new ConfigException("model.objective", "objective " + objective.name() + " predicts the next item, but "
          + block + " is bidirectional and would see it; use attention: causal or objective: masked-item");
    }
    if (scoreBias && !(loss instanceof CandidateLoss c && c.binary())) {
      throw new ConfigException("model.loss.scoreBias", "scoreBias applies only to the binary losses bce and gbce"
          + " (loss is " + loss.name() + ", which adding one constant to every score does not change)");
    }
  }

  /** Every parameter: the encoder's, the head's, then the score bias when there is one. */
  public ParameterLayout layout() {
    List<ParameterSpec> p = new ArrayList<>(encoder.parameters());
    p.addAll(head.parameters());
    if (scoreBias) {
      p.add(ParameterSpec.of(SCORE_BIAS, Initializer.constant((float) ((CandidateLoss) loss).initialBias()), 1));
    }
    return new ParameterLayout(p);
  }

  /** @throws IllegalArgumentException unless {@code batch}'s windows have this architecture's {@code maxLen} */
  public void requireWindows(TrainingBatch batch) {
    if (batch.maxLen() != maxLen) {
      throw new IllegalArgumentException("batch windows of " + batch.maxLen() + " positions for a network of maxLen "
          + maxLen);
    }
  }

  /** What a training step computes, as text: part of a checkpoint's identity. */
  public String describe() {
    StringBuilder b = new StringBuilder("embedding=").append(encoder.embedding()).append(", blocks=[");
    for (Layer l : encoder.blocks()) {
      b.append(l).append(';');
    }
    return b.append("], finalNorm=").append(encoder.finalNorm().isPresent()).append(", head=").append(head)
        .append(", loss=").append(loss.describe()).append(", scoreBias=").append(scoreBias).append(", objective=")
        .append(objective.describe()).toString();
  }
}
