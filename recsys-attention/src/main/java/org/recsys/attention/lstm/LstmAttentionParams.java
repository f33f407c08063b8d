package org.recsys.attention.lstm;

import static org.recsys.attention.train.ParamChecks.orDefault;
import static org.recsys.attention.train.ParamChecks.positive;
import static org.recsys.attention.train.ParamChecks.unitInterval;

import com.fasterxml.jackson.annotation.JsonIgnore;
import org.recsys.api.ConfigException;
import org.recsys.attention.nn.NextItemLoss;
import org.recsys.attention.train.TrainingOptions;
import org.recsys.attention.train.TrainingParamsBuilder;

/**
 * The LSTM-attention model's hyperparameters, bound from the {@code model} section of a config. Every field may
 * be omitted.
 *
 * @param maxLen window length: the most recent items a user is represented by (200, as SASRec on ML-1M)
 * @param embeddingSize item embedding size, which is also the state size scored against items (64)
 * @param hiddenSize LSTM hidden size (64)
 * @param layers stacked LSTM layers (1)
 * @param attentionSize width of the additive attention's hidden layer (32)
 * @param output {@code tied} (dot product with the item embeddings) or {@code dense} (own output layer)
 * @param dropout dropout rate on the LSTM inputs (embeddings and between layers) and on the combined state (0.2)
 * @param learningRate Adam step size (0.001)
 * @param beta1 Adam first-moment decay (0.9)
 * @param beta2 Adam second-moment decay (0.999)
 * @param l2Embedding L2 coefficient on the item embeddings, 0 for none (0)
 * @param batchSize windows per step (128)
 * @param epochs most epochs to train (200)
 * @param loss {@code ce} (full softmax, default), {@code bce}, {@code sampled-softmax} or {@code gbce}: the same
 *     losses as SASRec
 * @param negatives negatives per position for sampled losses (bce 1, sampled-softmax 100, gbce 256); not
 *     allowed with {@code ce}
 * @param gbceT gBCE calibration {@code t} in [0, 1] (0.75); only with {@code gbce}
 * @param ceExcludesHistory only with {@code ce}: leave the user's other items out of the softmax, as the sampled
 *     losses' negatives do (false)
 * @param scoreBias only with {@code bce} and {@code gbce}: add one learned constant to every training score,
 *     started at the loss's base rate (true for gbce and for bce with more than one negative, else false); it
 *     shifts every score alike, so rankings and saved-model scores leave it out
 * @param validateEvery validate every this many epochs (5); the last epoch is always validated
 * @param patience stop after this many validations in a row without improvement (5)
 * @param metric the validation metric that selects the best epoch ({@code NDCG@10})
 * @param threads compute threads for training steps, 0 for all processors (0)
 */
public record LstmAttentionParams(Integer maxLen, Integer embeddingSize, Integer hiddenSize, Integer layers,
    Integer attentionSize, String output, Double dropout, Double learningRate, Double beta1, Double beta2,
    Double l2Embedding, Integer batchSize, Integer epochs, String loss, Integer negatives, Double gbceT,
    Boolean ceExcludesHistory, Boolean scoreBias, Integer validateEvery, Integer patience, String metric,
    Integer threads) {

  private static final TrainingOptions.Defaults DEFAULTS = new TrainingOptions.Defaults(0.999, NextItemLoss.CE, 5);

  public LstmAttentionParams {
    maxLen = positive("maxLen", maxLen, 200);
    embeddingSize = positive("embeddingSize", embeddingSize, 64);
    hiddenSize = positive("hiddenSize", hiddenSize, 64);
    layers = positive("layers", layers, 1);
    attentionSize = positive("attentionSize", attentionSize, 32);
    output = orDefault(output, OutputKind.TIED.configName());
    String outputName = output;
    OutputKind.find(outputName).orElseThrow(() -> new ConfigException("model.output",
        "unknown output '" + outputName + "'; valid: " + OutputKind.choices()));
    dropout = unitInterval("dropout", dropout, 0.2);
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

  /** Every default. */
  public static LstmAttentionParams defaults() {
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

  /** The loss as an enum (the losses and their config names are SASRec's). */
  @JsonIgnore
  public NextItemLoss lossKind() {
    return training().lossKind();
  }

  /** The output layer as an enum. */
  @JsonIgnore
  public OutputKind outputKind() {
    return OutputKind.find(output).orElseThrow();
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
    b.embeddingSize = embeddingSize;
    b.hiddenSize = hiddenSize;
    b.layers = layers;
    b.attentionSize = attentionSize;
    b.output = output;
    b.dropout = dropout;
    b.training(training());
    return b;
  }

  /**
   * Fluent construction; unset values take the defaults. The training setters are {@link TrainingParamsBuilder}'s;
   * changing the loss resets negatives, gbceT, ceExcludesHistory and scoreBias.
   */
  public static final class Builder extends TrainingParamsBuilder<Builder> {
    private Integer maxLen;
    private Integer embeddingSize;
    private Integer hiddenSize;
    private Integer layers;
    private Integer attentionSize;
    private String output;
    private Double dropout;

    private Builder() {}

    @Override
    protected Builder self() {
      return this;
    }

    public Builder maxLen(int v) {
      maxLen = v;
      return this;
    }

    public Builder embeddingSize(int v) {
      embeddingSize = v;
      return this;
    }

    public Builder hiddenSize(int v) {
      hiddenSize = v;
      return this;
    }

    public Builder layers(int v) {
      layers = v;
      return this;
    }

    public Builder attentionSize(int v) {
      attentionSize = v;
      return this;
    }

    public Builder output(String v) {
      output = v;
      return this;
    }

    public Builder dropout(double v) {
      dropout = v;
      return this;
    }

    public LstmAttentionParams build() {
      return new LstmAttentionParams(maxLen, embeddingSize, hiddenSize, layers, attentionSize, output, dropout,
          learningRate, beta1, beta2, l2Embedding, batchSize, epochs, loss, negatives, gbceT, ceExcludesHistory,
          scoreBias, validateEvery, patience, metric, threads);
    }
  }
}
