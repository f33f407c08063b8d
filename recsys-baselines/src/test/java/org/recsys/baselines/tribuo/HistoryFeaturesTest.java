package org.recsys.baselines.tribuo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.recsys.api.SequenceDataset;
import org.tribuo.Example;
import org.tribuo.Feature;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.recsys.baselines.HandData;

class HistoryFeaturesTest {
  private static Map<String, Double> features(Example<Label> ex) {
    Map<String, Double> m = new HashMap<>();
    for (Feature f : ex) {
      m.put(f.getName(), f.getValue());
    }
    return m;
  }

  @Test
  void positionTaggedItemsAndARecencyWeightedBag() {
    HistoryFeatures f = new HistoryFeatures(2, 3, 0.5);
    Map<String, Double> m = features(f.example(new int[] {5, 7, 5, 9}, 4, LabelFactory.UNKNOWN_LABEL));
    assertThat(m).containsOnlyKeys("last1=9", "last2=5", "bag=9", "bag=5", "bag=7");
    assertThat(m.get("last1=9")).isEqualTo(1.0);
    assertThat(m.get("bag=9")).isEqualTo(1.0);
    assertThat(m.get("bag=5")).isEqualTo(0.5);
    assertThat(m.get("bag=7")).isEqualTo(0.25);
  }

  @Test
  void aRepeatedItemAddsItsBagWeightsAndOnlyThePrefixCounts() {
    HistoryFeatures f = new HistoryFeatures(1, 4, 0.5);
    // History prefix [5, 5] of [5, 5, 8]: item 8 is the label's position and must not leak in.
    Map<String, Double> m = features(f.example(new int[] {5, 5, 8}, 2, new Label("8")));
    assertThat(m).containsOnlyKeys("last1=5", "bag=5");
    assertThat(m.get("bag=5")).isCloseTo(1.5, within(1e-12));
  }

  @Test
  void anEmptyHistoryHasNoFeatures() {
    assertThat(new HistoryFeatures(3, 10, 0.8).example(new int[0], 0, LabelFactory.UNKNOWN_LABEL).size()).isZero();
  }

  @Test
  void recentPositionsAreTheLatestAndZeroMeansAll() {
    SplittableRandom r = new SplittableRandom(1);
    assertThat(TrainingExamples.positions(10, 3, false, r)).containsExactly(7, 8, 9);
    assertThat(TrainingExamples.positions(10, 0, false, r)).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9);
    assertThat(TrainingExamples.positions(3, 5, true, r)).containsExactly(1, 2);
    assertThat(TrainingExamples.positions(1, 5, false, r)).isEmpty();
  }

  @Test
  void randomPositionsAreDistinctSortedAndSeeded() {
    int[] a = TrainingExamples.positions(50, 8, true, new SplittableRandom(9));
    int[] b = TrainingExamples.positions(50, 8, true, new SplittableRandom(9));
    assertThat(a).isEqualTo(b).hasSize(8).isSorted().doesNotHaveDuplicates();
    assertThat(java.util.Arrays.stream(a).boxed().toList()).allMatch(t -> t >= 1 && t <= 49);
  }

  @Test
  void trainingSetHasOneExamplePerCappedPositionLabelledWithTheNextItem() {
    SequenceDataset train = HandData.train();
    TribuoParams p = new TribuoParams(null, null, null, null, null, null, 1, 0, null, 1, null, null);
    MutableDataset<Label> d = TrainingExamples.build(train, p, 1);
    // Cap 1, latest position: 2->3, 2->4, 2->3.
    assertThat(d.size()).isEqualTo(3);
    List<String> labels = new java.util.ArrayList<>();
    for (Example<Label> ex : d) {
      labels.add(ex.getOutput().getLabel());
      assertThat(features(ex)).containsOnlyKeys("last1=2");
    }
    assertThat(labels).containsExactly("3", "4", "3");
  }
}
