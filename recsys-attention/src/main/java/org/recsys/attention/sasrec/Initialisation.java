package org.recsys.attention.sasrec;

/**
 * How a fresh SASRec's weights are drawn (config key {@code model.init}: {@code xavier} or {@code normal}). Layer
 * norms always start at gain 1 and bias 0, and the padding row of the item table at zero.
 */
public enum Initialisation {
  /**
   * As the public PyTorch port of Kang and McAuley: Xavier-normal for every matrix, embeddings included
   * (the packed {@code [3d, d]} query/key/value projection counted as one matrix); attention biases 0;
   * feed-forward biases uniform in {@code +-1/sqrt(d)} (PyTorch's Conv1d default).
   */
  XAVIER,
  /**
   * As RecBole and the SASRec+ of Klenitskiy and Vasilev 2023 (after GPT-2): embeddings, the attention's output
   * projection and the feed-forward weights from {@code N(0, 0.02^2)}, every bias 0; the packed query/key/value
   * projection keeps {@code torch.nn.MultiheadAttention}'s own Xavier-uniform.
   */
  NORMAL;

  /** The standard deviation of {@link #NORMAL}. */
  public static final double NORMAL_STD = 0.02;
}
