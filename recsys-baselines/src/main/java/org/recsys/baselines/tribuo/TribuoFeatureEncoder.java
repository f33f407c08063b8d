package org.recsys.baselines.tribuo;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.recsys.api.Encoder;
import org.recsys.baselines.IdChecks;
import org.tribuo.Example;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;

/** Encodes histories as Tribuo examples (with the unknown label) using {@link HistoryFeatures}. */
public final class TribuoFeatureEncoder implements Encoder<List<Example<Label>>> {
  private final HistoryFeatures features;
  private final int numItems;

  public TribuoFeatureEncoder(HistoryFeatures features, int numItems) {
    this.features = Objects.requireNonNull(features, "features");
    this.numItems = numItems;
  }

  /**
   * @throws IllegalArgumentException when a history holds an id outside {@code 1..numItems}
   */
  @Override
  public List<Example<Label>> encode(List<int[]> histories) {
    IdChecks.histories(histories, numItems);
    List<Example<Label>> out = new ArrayList<>(histories.size());
    for (int[] h : histories) {
      out.add(features.example(h, h.length, LabelFactory.UNKNOWN_LABEL));
    }
    return out;
  }
}
