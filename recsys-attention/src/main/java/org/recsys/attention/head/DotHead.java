package org.recsys.attention.head;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.recsys.attention.layer.Initialisation;
import org.recsys.attention.layer.Initializer;
import org.recsys.attention.layer.ParameterSpec;

/**
 * Scores a state by its dot product with each item's row of a table: the encoder's own item embedding
 * ({@code tied}, as SASRec) or a separate output table {@code <name>.items [n + 1, size]}; with {@code bias},
 * plus a learned per-item bias {@code <name>.bias [n + 1]} (zeros at the start), as a dense output layer has
 * (BERT4Rec's output bias, the LSTM-attention model's dense output).
 *
 * @param encoderTable the encoder's item table's parameter name (scored when tied)
 * @param bias whether each item's score adds its own learned bias
 */
public record DotHead(String name, boolean tied, String encoderTable, int numItems, int stateSize,
    Initialisation init, boolean bias) implements Head {
  /** A head without a per-item bias. */
  public DotHead(String name, boolean tied, String encoderTable, int numItems, int stateSize, Initialisation init) {
    this(name, tied, encoderTable, numItems, stateSize, init, false);
  }

  @Override
  public String type() {
    return "dot";
  }

  @Override
  public List<ParameterSpec> parameters() {
    List<ParameterSpec> p = new ArrayList<>();
    if (!tied) {
      p.add(new ParameterSpec(name + ".items", new long[] {numItems + 1, stateSize},
          init.table(numItems + 1, stateSize).withZeroRow(stateSize), true));
    }
    biasName().ifPresent(b -> p.add(ParameterSpec.of(b, Initializer.zeros(), numItems + 1)));
    return p;
  }

  @Override
  public String table() {
    return tied ? encoderTable : name + ".items";
  }

  @Override
  public Optional<String> biasName() {
    return bias ? Optional.of(name + ".bias") : Optional.empty();
  }
}
