package org.recsys.attention.preset;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import org.recsys.attention.model.SequentialFactory;
import org.recsys.attention.spec.Backend;
import org.recsys.attention.spec.EmbeddingSpec;
import org.recsys.attention.spec.EncoderSpec;
import org.recsys.attention.spec.SequentialSpec;
import org.recsys.attention.spec.SpecChecks;

/**
 * {@code type: gru4rec}: GRU4Rec (Hidasi et al., ICLR 2016) with the improved losses of Hidasi and Karatzoglou
 * (CIKM 2018), as a preset over the composed spec. Its flat keys expand to an item embedding without positions,
 * {@code layers} GRU blocks (dropout on the embedding and between layers), a dot head over a separate output
 * table with a per-item bias (GRU4Rec's output layer) or tied to the input embedding, the chosen loss, and the
 * next-item objective over every position of a user's window (instead of the paper's session-parallel
 * mini-batches, which give the same targets in another order).
 */
public final class Gru4RecPreset extends Preset<Gru4RecPreset.Params> {
  public static final String NAME = "gru4rec";

  /**
   * GRU4Rec's keys; every one may be omitted.
   *
   * @param maxLen window length (200)
   * @param hiddenSize embedding and GRU state size (64)
   * @param layers stacked GRU layers (1)
   * @param embeddingDropout dropout on the embedded items (0.25)
   * @param dropout dropout between GRU layers (0.25)
   * @param output {@code separate} (GRU4Rec's own output table with a bias, default) or {@code tied}
   * @param loss {@code ce} (default), {@code bpr-max}, {@code sampled-softmax}, {@code bce} or {@code gbce}
   * @param negatives negatives per position of the sampled losses
   * @param bprReg BPR-max's score regularisation (bpr-max only, 1.0)
   * @param backend {@code native} (default) or {@code dl4j}, as the composed spec's {@code backend}
   */
  public record Params(Integer maxLen, Integer hiddenSize, Integer layers, Double embeddingDropout, Double dropout,
      String output, Double learningRate, Double beta1, Double beta2, Double l2Embedding, Integer batchSize,
      Integer epochs, String loss, Integer negatives, Double bprReg, Double gbceT, Boolean ceExcludesHistory,
      Boolean scoreBias, Integer validateEvery, Integer patience, String metric, Integer threads,
      String backend) {}

  @Inject
  public Gru4RecPreset(SequentialFactory sequential) {
    super(NAME, Params.class, sequential);
  }

  /** The spec these keys stand for. */
  public static SequentialSpec spec(Params p) {
    int d = SpecChecks.positive("model.hiddenSize", p.hiddenSize(), 64);
    int layers = SpecChecks.positive("model.layers", p.layers(), 1);
    double embeddingDropout = SpecChecks.unitInterval("model.embeddingDropout", p.embeddingDropout(), 0.25);
    double dropout = SpecChecks.unitInterval("model.dropout", p.dropout(), 0.25);
    String output = SpecChecks.oneOf("model.output", p.output(), "separate", "separate", "tied");
    List<ObjectNode> blocks = new ArrayList<>();
    for (int l = 0; l < layers; l++) {
      blocks.add(SequentialSpec.typed("gru").put("hiddenSize", d).put("inputDropout", l == 0 ? 0.0 : dropout));
    }
    EncoderSpec encoder = new EncoderSpec(new EmbeddingSpec(d, "none", "end", false, embeddingDropout, false), blocks,
        1, false, 1e-8, "scaled");
    boolean separate = output.equals("separate");
    ObjectNode head = SequentialSpec.typed("dot").put("tied", !separate).put("bias", separate);
    ObjectNode loss = new FlatLoss(SpecChecks.orDefault(p.loss(), "ce"), p.negatives(), p.gbceT(),
        p.ceExcludesHistory(), p.scoreBias(), p.bprReg()).toSpec();
    int maxLen = SpecChecks.positive("model.maxLen", p.maxLen(), 200);
    String backend = Backend.parse("model.backend", p.backend()).configName();
    return new SequentialSpec(NAME, backend, maxLen, encoder, head, loss, SequentialSpec.typed("next-item"),
        new FlatTraining(p.learningRate(), p.beta1(), p.beta2(), p.l2Embedding(), p.batchSize(), p.epochs(),
            p.validateEvery(), p.patience(), p.metric(), p.threads()).toSpec(0.999, 5));
  }

  @Override
  protected SequentialSpec specOf(Params parameters) {
    return spec(parameters);
  }
}
