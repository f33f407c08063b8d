package org.recsys.attention.sasrec;

import com.fasterxml.jackson.annotation.JsonIgnore;
import org.recsys.api.ConfigException;

/**
 * SASRec's hyperparameters, bound from the {@code model} section of a config. Every field may be omitted; the
 * defaults are the paper's ML-1M settings (Kang and McAuley 2018, and the public PyTorch port).
 *
 * @param maxLen window length: the most recent items a user is represented by (200)
 * @param hiddenSize embedding and state size {@code d} (50)
 * @param blocks self-attention blocks (2)
 * @param heads attention heads; must divide {@code hiddenSize} (1)
 * @param dropout dropout rate on embeddings, attention weights and feed-forward layers (0.2)
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
 * @param validateEvery validate every this many epochs (10); the last epoch is always validated
 * @param patience stop after this many validations in a row without improvement (5)
 * @param metric the validation metric that selects the best epoch ({@code NDCG@10})
 * @param threads compute threads for training steps, 0 for all processors (0)
 */
public record SasRecParams(Integer maxLen, Integer hiddenSize, Integer blocks, Integer heads, Double dropout,
    Double learningRate, Double beta1, Double beta2, Double l2Embedding, Integer batchSize, Integer epochs,
    String loss, Integer negatives, Double gbceT, Integer validateEvery, Integer patience, String metric,
    Integer threads) {

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
    dropout = orDefault(dropout, 0.2);
    if (!(dropout >= 0 && dropout < 1)) {
      throw new ConfigException("model.dropout", "dropout must be in [0, 1), got " + dropout);
    }
    learningRate = orDefault(learningRate, 0.001);
    if (!(learningRate > 0 && Double.isFinite(learningRate))) {
      throw new ConfigException("model.learningRate", "learningRate must be > 0, got " + learningRate);
    }
    beta1 = orDefault(beta1, 0.9);
    if (!(beta1 >= 0 && beta1 < 1)) {
      throw new ConfigException("model.beta1", "beta1 must be in [0, 1), got " + beta1);
    }
    beta2 = orDefault(beta2, 0.98);
    if (!(beta2 >= 0 && beta2 < 1)) {
      throw new ConfigException("model.beta2", "beta2 must be in [0, 1), got " + beta2);
    }
    l2Embedding = orDefault(l2Embedding, 0.0);
    if (!(l2Embedding >= 0 && Double.isFinite(l2Embedding))) {
      throw new ConfigException("model.l2Embedding", "l2Embedding must be >= 0, got " + l2Embedding);
    }
    batchSize = positive("batchSize", batchSize, 128);
    epochs = positive("epochs", epochs, 200);
    loss = orDefault(loss, SasRecLoss.BCE.configName());
    String lossName = loss;
    SasRecLoss kind = SasRecLoss.find(lossName).orElseThrow(() -> new ConfigException("model.loss",
        "unknown loss '" + lossName + "'; valid: " + SasRecLoss.choices()));
    if (kind == SasRecLoss.CE) {
      if (negatives != null && negatives != 0) {
        throw new ConfigException("model.negatives", "loss ce scores every item and takes no negatives, got "
            + negatives);
      }
      negatives = 0;
    } else {
      negatives = orDefault(negatives, kind.defaultNegatives());
      if (negatives < 1) {
        throw new ConfigException("model.negatives", "negatives must be >= 1 for loss " + lossName + ", got "
            + negatives);
      }
    }
    if (gbceT != null && kind != SasRecLoss.GBCE) {
      throw new ConfigException("model.gbceT", "gbceT applies only to loss gbce (loss is " + lossName + ")");
    }
    if (kind == SasRecLoss.GBCE) {
      gbceT = orDefault(gbceT, 0.75);
      if (!(gbceT >= 0 && gbceT <= 1)) {
        throw new ConfigException("model.gbceT", "gbceT must be in [0, 1], got " + gbceT);
      }
    }
    validateEvery = positive("validateEvery", validateEvery, 10);
    patience = positive("patience", patience, 5);
    metric = orDefault(metric, "NDCG@10");
    if (metric.isBlank()) {
      throw new ConfigException("model.metric", "metric must name a metric such as NDCG@10");
    }
    threads = orDefault(threads, 0);
    if (threads < 0) {
      throw new ConfigException("model.threads", "threads must be >= 0 (0 = all processors), got " + threads);
    }
  }

  /** The paper's ML-1M settings. */
  public static SasRecParams defaults() {
    return builder().build();
  }

  /** A builder starting from the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** The loss as an enum. */
  @JsonIgnore
  public SasRecLoss lossKind() {
    return SasRecLoss.find(loss).orElseThrow();
  }

  /** Negatives per position the batches must carry (0 for ce). */
  @JsonIgnore
  public int negativesPerPosition() {
    return negatives;
  }

  /** gBCE's calibration t, or 0 for the other losses. */
  @JsonIgnore
  public double calibration() {
    return gbceT == null ? 0.0 : gbceT;
  }

  /** {@link #threads()} with 0 resolved to the number of processors. */
  @JsonIgnore
  public int resolvedThreads() {
    return threads == 0 ? Runtime.getRuntime().availableProcessors() : threads;
  }

  /** A builder holding these values. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.maxLen = maxLen;
    b.hiddenSize = hiddenSize;
    b.blocks = blocks;
    b.heads = heads;
    b.dropout = dropout;
    b.learningRate = learningRate;
    b.beta1 = beta1;
    b.beta2 = beta2;
    b.l2Embedding = l2Embedding;
    b.batchSize = batchSize;
    b.epochs = epochs;
    b.loss = loss;
    b.negatives = loss.equals(SasRecLoss.CE.configName()) ? null : negatives;
    b.gbceT = gbceT;
    b.validateEvery = validateEvery;
    b.patience = patience;
    b.metric = metric;
    b.threads = threads;
    return b;
  }

  private static int positive(String key, Integer value, int fallback) {
    int v = orDefault(value, fallback);
    if (v <= 0) {
      throw new ConfigException("model." + key, key + " must be > 0, got " + v);
    }
    return v;
  }

  private static <T> T orDefault(T value, T fallback) {
    return value == null ? fallback : value;
  }

  /** Fluent construction; unset values take the defaults. Changing the loss resets negatives and gbceT. */
  public static final class Builder {
    private Integer maxLen;
    private Integer hiddenSize;
    private Integer blocks;
    private Integer heads;
    private Double dropout;
    private Double learningRate;
    private Double beta1;
    private Double beta2;
    private Double l2Embedding;
    private Integer batchSize;
    private Integer epochs;
    private String loss;
    private Integer negatives;
    private Double gbceT;
    private Integer validateEvery;
    private Integer patience;
    private String metric;
    private Integer threads;

    private Builder() {}

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

    public Builder learningRate(double v) {
      learningRate = v;
      return this;
    }

    public Builder beta1(double v) {
      beta1 = v;
      return this;
    }

    public Builder beta2(double v) {
      beta2 = v;
      return this;
    }

    public Builder l2Embedding(double v) {
      l2Embedding = v;
      return this;
    }

    public Builder batchSize(int v) {
      batchSize = v;
      return this;
    }

    public Builder epochs(int v) {
      epochs = v;
      return this;
    }

    public Builder loss(String v) {
      loss = v;
      negatives = null;
      gbceT = null;
      return this;
    }

    public Builder negatives(int v) {
      negatives = v;
      return this;
    }

    public Builder gbceT(double v) {
      gbceT = v;
      return this;
    }

    public Builder validateEvery(int v) {
      validateEvery = v;
      return this;
    }

    public Builder patience(int v) {
      patience = v;
      return this;
    }

    public Builder metric(String v) {
      metric = v;
      return this;
    }

    public Builder threads(int v) {
      threads = v;
      return this;
    }

    public SasRecParams build() {
      return new SasRecParams(maxLen, hiddenSize, blocks, heads, dropout, learningRate, beta1, beta2, l2Embedding,
          batchSize, epochs, loss, negatives, gbceT, validateEvery, patience, metric, threads);
    }
  }
}
