package org.recsys.attention.preset;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.inject.Inject;
import java.util.List;
import org.recsys.attention.model.SequentialFactory;
import org.recsys.attention.spec.Backend;
import org.recsys.attention.spec.EmbeddingSpec;
import org.recsys.attention.spec.EncoderSpec;
import org.recsys.attention.spec.SequentialSpec;
import org.recsys.attention.spec.SpecChecks;

/**
 * {@code type: caser}: Caser (Tang and Wang, WSDM 2018) as a preset over the composed spec. Its flat keys expand
 * to an item embedding without positions, one {@code caser} block (horizontal and vertical convolutions over the
 * last {@code window} items, see {@link org.recsys.attention.layer.CaserConvolution} for the user term), a dot head over
 * its own item table of width {@code 2d} with a per-item bias (Caser's output layer), binary cross-entropy with
 * {@code negatives} sampled items, and the next-item objective over every position (Caser trains on the next
 * {@code T} items of sliding windows: the same targets, one at a time).
 */
public final class CaserPreset extends Preset<CaserPreset.Params> {
  public static final String NAME = "caser";

  /**
   * Caser's keys; every one may be omitted.
   *
   * @param maxLen window length (200): the positions of a user trained at once, and what the user term averages
   * @param hiddenSize embedding size {@code d} (50)
   * @param window the items each position's convolutions see, Caser's {@code L} (5)
   * @param horizontal horizontal filters per height (16)
   * @param vertical vertical filters (4)
   * @param dropout dropout of the convolution features (0.5)
   * @param user whether the output includes the user term (true)
   * @param loss {@code bce} (default) or any loss the backend supports
   * @param negatives negatives per position (3)
   * @param backend {@code native} (default) or {@code dl4j}
   */
  public record Params(Integer maxLen, Integer hiddenSize, Integer window, Integer horizontal, Integer vertical,
      Double dropout, Boolean user, Double learningRate, Double beta1, Double beta2, Double l2Embedding,
      Integer batchSize, Integer epochs, String loss, Integer negatives, Double gbceT, Boolean scoreBias,
      Integer validateEvery, Integer patience, String metric, Integer threads, String backend) {}

  @Inject
  public CaserPreset(SequentialFactory sequential) {
    super(NAME, Params.class, sequential);
  }

  /** The spec these keys stand for. */
  public static SequentialSpec spec(Params p) {
    int d = SpecChecks.positive("model.hiddenSize", p.hiddenSize(), 50);
    ObjectNode block = SequentialSpec.typed("caser")
        .put("window", SpecChecks.positive("model.window", p.window(), 5))
        .put("horizontal", SpecChecks.positive("model.horizontal", p.horizontal(), 16))
        .put("vertical", SpecChecks.positive("model.vertical", p.vertical(), 4))
        .put("dropout", SpecChecks.unitInterval("model.dropout", p.dropout(), 0.5))
        .put("user", SpecChecks.orDefault(p.user(), true));
    EncoderSpec encoder = new EncoderSpec(new EmbeddingSpec(d, "none", "end", false, 0.0, false), List.of(block), 1,
        false, 1e-8, "scaled");
    ObjectNode head = SequentialSpec.typed("dot").put("tied", false).put("bias", true);
    ObjectNode loss = new FlatLoss(SpecChecks.orDefault(p.loss(), "bce"),
        SpecChecks.orDefault(p.negatives(), 3), p.gbceT(), null, p.scoreBias()).toSpec();
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
