package org.recsys.attention.layer;

import java.util.Locale;
import org.recsys.api.ConfigException;

/** How a transformer block wires its attention, feed-forward, layer norms and residuals (config {@code layout}). */
public enum BlockLayout {
  /**
   * SASRec's reference code: {@code Q = LN1(X)}; {@code H = Q + Attn(queries Q, keys and values X)};
   * {@code F = LN2(H)}; {@code X' = F + dropout(FFN(F))}.
   */
  SASREC,
  /** Pre-norm: {@code H = X + dropout(Attn(LN1(X)))}; {@code X' = H + dropout(FFN(LN2(H)))}. */
  PRE_LN,
  /** Post-norm, as the original transformer and BERT: {@code H = LN1(X + dropout(Attn(X)))}; {@code X' = LN2(H + dropout(FFN(H)))}. */
  POST_LN;

  /** The config name ({@code sasrec}, {@code pre-ln}, {@code post-ln}). */
  public String configName() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** Parses a config name, naming {@code key} in the error. */
  public static BlockLayout parse(String key, String value) {
    for (BlockLayout l : values()) {
      if (l.configName().equalsIgnoreCase(value)) {
        return l;
      }
    }
    throw new ConfigException(key, "unknown layout '" + value + "'; valid: sasrec, pre-ln, post-ln");
  }
}
