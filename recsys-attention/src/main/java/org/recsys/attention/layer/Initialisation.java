package org.recsys.attention.layer;

/**
 * How an encoder's weights are drawn (config key {@code init}: {@code xavier}, {@code normal} or {@code scaled});
 * each layer
 * asks for the initializer of each of its tensors' roles. Layer norms always start at gain 1 and bias 0, and
 * the padding row of the item table at zero.
 */
public enum Initialisation {
  /**
   * As the public PyTorch port of SASRec: Xavier-normal for every matrix, embeddings included (the packed
   * {@code [3d, d]} query/key/value projection counted as one matrix); attention biases 0; feed-forward biases
   * uniform in {@code +-1/sqrt(d)} (PyTorch's Conv1d default).
   */
  XAVIER,
  /**
   * As RecBole and the SASRec+ of Klenitskiy and Vasilev 2023 (after GPT-2): embeddings, the attention's output
   * projection and the feed-forward weights from {@code N(0, 0.02^2)}, every bias 0; the packed query/key/value
   * projection keeps {@code torch.nn.MultiheadAttention}'s own Xavier-uniform.
   */
  NORMAL,
  /**
   * As the LSTM-attention model: embedding tables from {@code N(0, 1/d)} for tables of width {@code d}; every
   * other weight as {@link #XAVIER}.
   */
  SCALED;

  /** The standard deviation of {@link #NORMAL}. */
  public static final double NORMAL_STD = 0.02;

  /** An embedding table of {@code rows x cols}. */
  public Initializer table(long rows, long cols) {
    return switch (this) {
      case XAVIER -> Initializer.normal(Math.sqrt(2.0 / (rows + cols)));
      case NORMAL -> Initializer.normal(NORMAL_STD);
      case SCALED -> Initializer.normal(1 / Math.sqrt(cols));
    };
  }

  /** One of the query, key and value projections {@code [d, d]} (the packed {@code [3d, d]} matrix's part). */
  public Initializer attentionInput(int d) {
    return this != NORMAL ? Initializer.normal(Math.sqrt(2.0 / (d + 3.0 * d)))
        : Initializer.uniform(Math.sqrt(6.0 / (d + 3.0 * d)));
  }

  /** A square {@code [d, d]} weight (the attention's output projection, the feed-forward weights). */
  public Initializer square(int d) {
    return Initializer.normal(this != NORMAL ? Math.sqrt(2.0 / (d + d)) : NORMAL_STD);
  }

  /** A feed-forward bias {@code [d]} after an input of size {@code d}. */
  public Initializer feedForwardBias(int d) {
    return this != NORMAL ? Initializer.uniform(1 / Math.sqrt(d)) : Initializer.zeros();
  }
}
