package org.recsys.attention.head;

import java.util.List;
import org.recsys.attention.layer.Initialisation;
import org.recsys.attention.layer.ParameterSpec;

/**
 * Scores a state by its dot product with each item's row of a table: the encoder's own item embedding
 * ({@code tied}, as SASRec) or a separate output table {@code <name>.items [n + 1, size]}.
 *
 * @param encoderTable the encoder's item table's parameter name (scored when tied)
 */
public record DotHead(String name, boolean tied, String encoderTable, int numItems, int stateSize,
    Initialisation init) implements Head {
  @Override
  public String type() {
    return "dot";
  }

  @Override
  public List<ParameterSpec> parameters() {
    if (tied) {
      return List.of();
    }
    return List.of(new ParameterSpec(name + ".items", new long[] {numItems + 1, stateSize},
        init.table(numItems + 1, stateSize).withZeroRow(stateSize), true));
  }

  @Override
  public String table() {
    return tied ? encoderTable : name + ".items";
  }
}
