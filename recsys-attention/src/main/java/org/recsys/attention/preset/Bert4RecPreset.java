package org.recsys.attention.preset;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.inject.Inject;
import java.util.List;
import org.recsys.api.ConfigException;
import org.recsys.attention.model.SequentialFactory;
import org.recsys.attention.spec.Backend;
import org.recsys.attention.spec.EmbeddingSpec;
import org.recsys.attention.spec.EncoderSpec;
import org.recsys.attention.spec.SequentialSpec;
import org.recsys.attention.spec.SpecChecks;

/**
 * {@code type: bert4rec}: BERT4Rec (Sun et al., CIKM 2019) as a preset over the composed spec. Its flat keys
 * expand to an embedding with learned positions and a layer norm (BERT's), {@code blocks} bidirectional
 * transformer blocks in the post-LN layout with a GELU feed-forward four times as wide, a dot head tied to the
 * item embedding with a per-item output bias, softmax cross-entropy over all items (or sampled softmax), and the
 * masked-item (Cloze) objective: items are replaced by a mask token with {@code maskProbability}, and at inference
 * a mask appended after the history is what is scored. The original's extra dense + GELU + layer-norm transform
 * before the output is not part of the head.
 */
public final class Bert4RecPreset extends Preset<Bert4RecPreset.Params> {
  public static final String NAME = "bert4rec";

  /**
   * BERT4Rec's keys; every one may be omitted.
   *
   * @param maxLen window length (200, the paper's for ML-1M)
   * @param hiddenSize embedding and state size (64)
   * @param blocks transformer blocks (2)
   * @param heads attention heads, dividing hiddenSize (2)
   * @param dropout on embeddings, residual branches and feed-forward units (0.1)
   * @param attentionDropout on attention weights (default: dropout)
   * @param maskProbability the Cloze objective's mask rate (0.2, the paper's for ML-1M)
   * @param init {@code normal} (BERT's N(0, 0.02^2), default) or {@code xavier}
   * @param loss {@code ce} (softmax over all items, default) or {@code sampled-softmax}
   * @param negatives negatives of sampled-softmax
   * @param backend {@code native} (default) or {@code dl4j}, as the composed spec's {@code backend}
   */
  public record Params(Integer maxLen, Integer hiddenSize, Integer blocks, Integer heads, Double dropout,
      Double attentionDropout, Double maskProbability, String init, Double learningRate, Double beta1,
      Double beta2, Double l2Embedding, Integer batchSize, Integer epochs, String loss, Integer negatives,
      Integer validateEvery, Integer patience, String metric, Integer threads,
      String backend) {}

  @Inject
  public Bert4RecPreset(SequentialFactory sequential) {
    super(NAME, Params.class, sequential);
  }

  /** The spec these keys stand for. */
  public static SequentialSpec spec(Params p) {
    int blocks = SpecChecks.positive("model.blocks", p.blocks(), 2);
    int hidden = SpecChecks.positive("model.hiddenSize", p.hiddenSize(), 64);
    int heads = SpecChecks.positive("model.heads", p.heads(), 2);
    if (hidden % heads != 0) {
      throw new ConfigException("model.heads", "heads (" + heads + ") must divide hiddenSize (" + hidden + ")");
    }
    double dropout = SpecChecks.unitInterval("model.dropout", p.dropout(), 0.1);
    double attentionDropout = SpecChecks.unitInterval("model.attentionDropout", p.attentionDropout(), dropout);
    double eps = 1e-12;
    ObjectNode block = SequentialSpec.typed("transformer").put("heads", heads).put("inner", 4 * hidden)
        .put("attention", "bidirectional").put("layout", "post-ln").put("activation", "gelu")
        .put("dropout", dropout).put("attentionDropout", attentionDropout).put("eps", eps);
    String init = SpecChecks.oneOf("model.init", p.init(), "normal", "normal", "xavier");
    EncoderSpec encoder = new EncoderSpec(new EmbeddingSpec(hidden, "learned", "start", false, dropout, true),
        List.of(block), blocks, false, eps, init);
    String lossName = SpecChecks.oneOf("model.loss", p.loss(), "ce", "ce", "sampled-softmax");
    ObjectNode loss = new FlatLoss(lossName, p.negatives(), null, null, null).toSpec();
    ObjectNode objective = SequentialSpec.typed("masked-item");
    if (p.maskProbability() != null) {
      objective.put("maskProbability", p.maskProbability());
    }
    int maxLen = SpecChecks.positive("model.maxLen", p.maxLen(), 200);
    String backend = Backend.parse("model.backend", p.backend()).configName();
    ObjectNode head = SequentialSpec.typed("dot").put("tied", true).put("bias", true);
    return new SequentialSpec(NAME, backend, maxLen, encoder, head, loss, objective,
        new FlatTraining(p.learningRate(), p.beta1(), p.beta2(), p.l2Embedding(), p.batchSize(),
            p.epochs(), p.validateEvery(), p.patience(), p.metric(), p.threads()).toSpec(0.999, 5));
  }

  @Override
  protected SequentialSpec specOf(Params parameters) {
    return spec(parameters);
  }
}
