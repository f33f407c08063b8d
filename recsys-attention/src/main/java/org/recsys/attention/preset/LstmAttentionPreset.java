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
 * {@code type: lstm-attention}: stacked LSTM layers with causal additive attention pooling, as a preset over the
 * composed spec. Its flat keys expand to an item embedding without positions, {@code layers} LSTM blocks (dropout
 * on the input of every layer above the first), an attention-pooling block back to the embedding size, a dot
 * head (tied to the item embedding, or a separate table with a per-item bias for {@code output: dense}), the
 * chosen loss and the next-item objective; the run records that spec.
 */
public final class LstmAttentionPreset extends Preset<LstmAttentionPreset.Params> {
  public static final String NAME = "lstm-attention";

  /**
   * The LSTM-attention model's keys; every one may be omitted.
   *
   * @param maxLen window length (200)
   * @param embeddingSize item embedding size, also the state size scored against items (64)
   * @param hiddenSize LSTM state size (64)
   * @param layers stacked LSTM layers (1)
   * @param attentionSize width of the additive attention's hidden layer (32)
   * @param output {@code tied} (dot product with the item embeddings) or {@code dense} (own table with a bias)
   * @param dropout on the LSTM inputs (embeddings and between layers) and on the combined state (0.2)
   * @param loss {@code ce} (default), {@code bce}, {@code sampled-softmax} or {@code gbce}
   * @param backend {@code native} (default) or {@code dl4j}, as the composed spec's {@code backend}
   */
  public record Params(Integer maxLen, Integer embeddingSize, Integer hiddenSize, Integer layers,
      Integer attentionSize, String output, Double dropout, Double learningRate, Double beta1, Double beta2,
      Double l2Embedding, Integer batchSize, Integer epochs, String loss, Integer negatives, Double gbceT,
      Boolean ceExcludesHistory, Boolean scoreBias, Integer validateEvery, Integer patience, String metric,
      Integer threads, String backend) {}

  @Inject
  public LstmAttentionPreset(SequentialFactory sequential) {
    super(NAME, Params.class, sequential);
  }

  /** The spec these keys stand for. */
  public static SequentialSpec spec(Params p) {
    int d = SpecChecks.positive("model.embeddingSize", p.embeddingSize(), 64);
    int h = SpecChecks.positive("model.hiddenSize", p.hiddenSize(), 64);
    int layers = SpecChecks.positive("model.layers", p.layers(), 1);
    int a = SpecChecks.positive("model.attentionSize", p.attentionSize(), 32);
    String output = SpecChecks.oneOf("model.output", p.output(), "tied", "tied", "dense");
    double dropout = SpecChecks.unitInterval("model.dropout", p.dropout(), 0.2);
    List<ObjectNode> blocks = new ArrayList<>();
    for (int l = 0; l < layers; l++) {
      blocks.add(SequentialSpec.typed("lstm").put("hiddenSize", h).put("inputDropout", l == 0 ? 0.0 : dropout));
    }
    blocks.add(SequentialSpec.typed("attention-pooling").put("attentionSize", a).put("outputSize", d)
        .put("dropout", dropout));
    EncoderSpec encoder = new EncoderSpec(new EmbeddingSpec(d, "none", "end", false, dropout, false), blocks, 1, false, 1e-8,
        "scaled");
    ObjectNode head = SequentialSpec.typed("dot").put("tied", output.equals("tied"))
        .put("bias", output.equals("dense"));
    ObjectNode loss = new FlatLoss(SpecChecks.orDefault(p.loss(), "ce"), p.negatives(), p.gbceT(),
        p.ceExcludesHistory(), p.scoreBias()).toSpec();
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
