package org.recsys.attention.sasrec;

import static org.recsys.attention.train.ParamChecks.choice;
import static org.recsys.attention.train.ParamChecks.configName;
import static org.recsys.attention.train.ParamChecks.orDefault;
import static org.recsys.attention.train.ParamChecks.positive;
import static org.recsys.attention.train.ParamChecks.unitInterval;

import com.fasterxml.jackson.annotation.JsonIgnore;
import org.recsys.api.ConfigException;
import org.recsys.attention.nn.NextItemLoss;
import org.recsys.attention.train.TrainingOptions;
import org.recsys.attention.train.TrainingParamsBuilder;

/**
 * SASRec's hyperparameters, bound from the {@code model} section of a config. Every field may be omitted; the
 * defaults are the paper's ML-1M settings (Kang and McAuley 2018, and the public PyTorch port).
 *
 * @param maxLen window length: the most recent items a user is represented by (200)
 * @param hiddenSize embedding and state size {@code d} (50)
 * @param blocks self-attention blocks (2)
 * @param heads attention heads; must divide {@code hiddenSize} (1)
 * @param dropout dropout rate on embeddings, attention weights and feed-forward layers (0.2)
 * @param positions where position embeddings count from: {@code end} (the paper's code) or {@code start}; see
 *     {@link PositionOrigin}
 * @param init weight initialisation: {@code xavier} (the PyTorch port) or {@code normal}; see
 *     {@link Initialisation}
 * @param learningRate Adam step size (0.001)
 * @param beta1 Adam first-moment decay (0.9)
 * @param beta2 Adam second-moment decay (0.98)
 * @param l2Embedding L2 coefficient on the item embeddings, 0 for none (0)
 * @param batchSize windows per step (128)
 * @param epochs most epochs to train (200)
 * @param loss {@code bce} (paper), {@code ce}, {@code sampled-softmax} or {@code gbce}
 * @param negatives negatives per position for sampled losses (bce 1, sampled-softmax 100, gbce 256); not
 *     allowed with {@code ce}
 * @param gbceT gBCE calibration {@code t} in [0, 1] (0.75, as gSASRec); only with {@code gbce} (null otherwise)
 * @param ceExcludesHistory only with {@code ce}: leave the user's other items out of the softmax, as the sampled
 *     losses' negatives do (false)
 * @param scoreBias only with {@code bce} and {@code gbce}: add one learned constant to every training score,
 *     started at the loss's base rate (true for gbce and for bce with more than one negative, else false); it
 *     shifts every score alike, so rankings and saved-model scores leave it out
 * @param validateEvery validate every this many epochs (10); the last epoch is always validated
 * @param patience stop after this many validations in a row without improvement (5)
 * @param metric the validation metric that selects the best epoch ({@code NDCG@10})
 * @param threads compute threads for training steps, 0 for all processors (0)
 */
public record SasRecParams(Integer maxLen, Integer hiddenSize, Integer blocks, Integer heads, Double dropout,
    String positions, String init, Double learningRate, Double beta1, Double beta2, Double l2Embedding,
    Integer batchSize, Integer epochs, String loss, Integer negatives, Double gbceT, Boolean ceExcludesHistory,
    Boolean scoreBias, Integer validateEvery, Integer patience, String metric, Integer threads) {

  private static final TrainingOptions.Defaults DEFAULTS = new TrainingOptions.Defaults(0.98, NextItemLoss.BCE, 10);

  public SasRecParams {
    maxLen = positive("maxLen", maxLen, 200);
    hiddenSize = positive("hiddenSize", hiddenSize, 50);
    blocks = orDefault(blocks, 2);
    if (blocks < 0) {
      throw new ConfigException("model.blocks", "blocks must be >= 0, got " + blocks);
    }
    heads = positive("heads", heads, 1);
    if (hiddenSize % heads != 0) {
      throw new ConfigException("model.heads", "heads (" + heads + ") must divide hiddenSize (" + hiddenSize + ")");
    }
    dropout = unitInterval("dropout", dropout, 0.2);
    positions = configName(choice("positions", PositionOrigin.class, positions, PositionOrigin.END));
    init = configName(choice("init", Initialisation.class, init, Initialisation.XAVIER));
    TrainingOptions t = TrainingOptions.resolve(DEFAULTS, learningRate, beta1, beta2, l2Embedding, batchSize,
        epochs, loss, negatives, gbceT, ceExcludesHistory, scoreBias, validateEvery, patience, metric,
        threads);
    learningRate = t.learningRate();
    beta1 = t.beta1();
    beta2 = t.beta2();
    l2Embedding = t.l2Embedding();
    batchSize = t.batchSize();
    epochs = t.epochs();
    loss = t.loss();
    negatives = t.negatives();
    gbceT = t.gbceT();
    ceExcludesHistory = t.ceExcludesHistory();
    scoreBias = t.scoreBias();
    validateEvery = t.validateEvery();
    patience = t.patience();
    metric = t.metric();
    threads = t.threads();
  }

  /** The paper's ML-1M settings. */
  public static SasRecParams defaults() {
    return builder().build();
  }

  /** A builder starting from the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** The shared training hyperparameters, resolved. */
  @JsonIgnore
  public TrainingOptions training() {
    return new TrainingOptions(learningRate, beta1, beta2, l2Embedding, batchSize, epochs, loss, negatives, gbceT,
        ceExcludesHistory, scoreBias, validateEvery, patience, metric, threads);
  }

  /** {@link #positions} as an enum. */
  @JsonIgnore
  public PositionOrigin positionOrigin() {
    return choice("positions", PositionOrigin.class, positions, PositionOrigin.END);
  }

  /** {@link #init} as an enum. */
  @JsonIgnore
  public Initialisation initialisation() {
    return choice("init", Initialisation.class, init, Initialisation.XAVIER);
  }

  /** The loss as an enum. */
  @JsonIgnore
  public NextItemLoss lossKind() {
    return training().lossKind();
  }

  /** Negatives per position the batches must carry (0 for ce). */
  @JsonIgnore
  public int negativesPerPosition() {
    return negatives;
  }

  /** gBCE's calibration t, or 0 for the other losses. */
  @JsonIgnore
  public double calibration() {
    return training().calibration();
  }

  /** {@link #threads()} with 0 resolved to the number of processors. */
  @JsonIgnore
  public int resolvedThreads() {
    return training().resolvedThreads();
  }

  /** A builder holding these values. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.maxLen = maxLen;
    b.hiddenSize = hiddenSize;
    b.blocks = blocks;
    b.heads = heads;
    b.dropout = dropout;
    b.positions = positions;
    b.init = init;
    b.training(training());
    return b;
  }

  /**
   * Fluent construction; unset values take the defaults. The training setters are {@link TrainingParamsBuilder}'s;
   * changing the loss resets negatives, gbceT, ceExcludesHistory and scoreBias.
   */
  public static final class Builder extends TrainingParamsBuilder<Builder> {
    private Integer maxLen;
    private Integer hiddenSize;
    private Integer blocks;
    private Integer heads;
    private Double dropout;
    private String positions;
    private String init;

    private Builder() {}

    @Override
    protected Builder self() {
      return this;
    }

    public Builder maxLen(int v) {
      maxLen = v;
      return this;
    }

    public Builder hiddenSize(int v) {
      hiddenSize = v;
      return this;
    }

    public Builder blocks(int v) {
      blocks = v;
      return this;
    }

    public Builder heads(int v) {
      heads = v;
      return this;
    }

    public Builder dropout(double v) {
      dropout = v;
      return this;
    }

    /** {@code end} or {@code start}: see {@link PositionOrigin}. */
    public Builder positions(String v) {
      positions = v;
      return this;
    }

    /** {@code xavier} or {@code normal}: see {@link Initialisation}. */
    public Builder init(String v) {
      init = v;
      return this;
    }

    public SasRecParams build() {
      return new SasRecParams(maxLen, hiddenSize, blocks, heads, dropout, positions, init, learningRate, beta1,
          beta2, l2Embedding, batchSize, epochs, loss, negatives, gbceT, ceExcludesHistory, scoreBias, validateEvery,
          patience, metric, threads);
    }
  }
}
