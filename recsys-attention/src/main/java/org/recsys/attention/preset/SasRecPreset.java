package org.recsys.attention.preset;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import org.recsys.api.ConfigException;
import org.recsys.attention.model.SequentialFactory;
import org.recsys.attention.spec.Backend;
import org.recsys.attention.spec.EmbeddingSpec;
import org.recsys.attention.spec.EncoderSpec;
import org.recsys.attention.spec.SequentialSpec;
import org.recsys.attention.spec.SpecChecks;

/**
 * {@code type: sasrec}: SASRec (Kang and McAuley, ICDM 2018) as a preset over the composed spec, with the
 * paper's ML-1M settings as defaults. Its flat keys expand to an embedding with learned positions, {@code blocks}
 * causal transformer blocks in the reference code's layout, a final layer norm, a dot head tied to the item
 * embedding, the chosen loss and the next-item objective; the run records that spec.
 */
public final class SasRecPreset extends Preset<SasRecPreset.Params> {
  public static final String NAME = "sasrec";

  /**
   * SASRec's keys; every one may be omitted.
   *
   * @param maxLen window length (200)
   * @param hiddenSize embedding and state size (50)
   * @param blocks transformer blocks (2)
   * @param heads attention heads, dividing hiddenSize (1)
   * @param dropout on embeddings, attention weights and feed-forward layers (0.2)
   * @param positions where positions count from: {@code end} (the paper's code) or {@code start}
   * @param init {@code xavier} (the PyTorch port) or {@code normal}
   * @param loss {@code bce} (the paper's, default), {@code ce}, {@code sampled-softmax} or {@code gbce}
   * @param negatives negatives per position of the sampled losses
   * @param gbceT gBCE's calibration (gbce only)
   * @param ceExcludesHistory leave the user's own items out of the softmax (ce only)
   * @param scoreBias a learned constant added to every training score (bce and gbce only)
   * @param backend {@code native} (default) or {@code dl4j}, as the composed spec's {@code backend}
   */
  public record Params(Integer maxLen, Integer hiddenSize, Integer blocks, Integer heads, Double dropout,
      String positions, String init, Double learningRate, Double beta1, Double beta2, Double l2Embedding,
      Integer batchSize, Integer epochs, String loss, Integer negatives, Double gbceT, Boolean ceExcludesHistory,
      Boolean scoreBias, Integer validateEvery, Integer patience, String metric, Integer threads,
      String backend) {}

  @Inject
  public SasRecPreset(SequentialFactory sequential) {
    super(NAME, Params.class, sequential);
  }

  /** The spec these keys stand for. */
  public static SequentialSpec spec(Params p) {
    int blocks = SpecChecks.nonNegative("model.blocks", p.blocks(), 2);
    int hidden = SpecChecks.positive("model.hiddenSize", p.hiddenSize(), 50);
    int heads = SpecChecks.positive("model.heads", p.heads(), 1);
    if (hidden % heads != 0) {
      throw new ConfigException("model.heads", "heads (" + heads + ") must divide hiddenSize (" + hidden + ")");
    }
    double dropout = SpecChecks.unitInterval("model.dropout", p.dropout(), 0.2);
    ObjectNode block = SequentialSpec.typed("transformer").put("heads", heads).put("attention", "causal")
        .put("layout", "sasrec").put("dropout", dropout).put("attentionDropout", dropout).put("eps", 1e-8);
    List<ObjectNode> list = new ArrayList<>();
    if (blocks > 0) {
      list.add(block);
    }
    String origin = SpecChecks.oneOf("model.positions", p.positions(), "end", "end", "start");
    String init = SpecChecks.oneOf("model.init", p.init(), "xavier", "xavier", "normal");
    EncoderSpec encoder = new EncoderSpec(new EmbeddingSpec(hidden, "learned", origin, true, dropout, false), list,
        Math.max(blocks, 1), true, 1e-8, init);
    ObjectNode loss = new FlatLoss(SpecChecks.orDefault(p.loss(), "bce"), p.negatives(), p.gbceT(),
        p.ceExcludesHistory(), p.scoreBias()).toSpec();
    int maxLen = SpecChecks.positive("model.maxLen", p.maxLen(), 200);
    String backend = Backend.parse("model.backend", p.backend()).configName();
    return new SequentialSpec(NAME, backend, maxLen, encoder, SequentialSpec.typed("dot").put("tied", true), loss,
        SequentialSpec.typed("next-item"), new FlatTraining(p.learningRate(), p.beta1(), p.beta2(), p.l2Embedding(),
            p.batchSize(), p.epochs(), p.validateEvery(), p.patience(), p.metric(), p.threads()).toSpec(0.98, 10));
  }

  @Override
  protected SequentialSpec specOf(Params parameters) {
    return spec(parameters);
  }
}
