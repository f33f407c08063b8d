package org.recsys.attention.sasrec;

/** Small SASRec networks for tests outside this package. */
public final class SasRecNetworks {
  private SasRecNetworks() {}

  /** One block of width 8, two heads, dropout 0.1, BCE, one thread. */
  public static SasRecNetwork tiny(int numItems, int maxLen, long seed) {
    SasRecParams p = SasRecParams.builder().maxLen(maxLen).hiddenSize(8).blocks(1).heads(2).dropout(0.1)
        .threads(1).build();
    return SasRecNetwork.create(p, numItems, seed);
  }

  /** A network with fresh weights for {@code params}. */
  public static SasRecNetwork create(SasRecParams params, int numItems, long seed) {
    return SasRecNetwork.create(params, numItems, seed);
  }
}
