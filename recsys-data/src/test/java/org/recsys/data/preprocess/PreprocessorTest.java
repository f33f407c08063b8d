package org.recsys.data.preprocess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.recsys.api.ConfigException;
import org.recsys.api.SequenceDataset;
import org.recsys.api.UserSequence;
import org.recsys.data.io.InteractionSink;

class PreprocessorTest {

  private static Interactions timed(Object... rows) {
    Interactions.Builder b = Interactions.builder();
    for (int i = 0; i < rows.length; i += 4) {
      b.accept((String) rows[i], (String) rows[i + 1], ((Number) rows[i + 2]).longValue(),
          ((Number) rows[i + 3]).doubleValue());
    }
    return b.build();
  }

  private static Interactions untimed(String... pairs) {
    Interactions.Builder b = Interactions.builder();
    for (int i = 0; i < pairs.length; i += 2) {
      b.accept(pairs[i], pairs[i + 1], InteractionSink.NO_TIME, Double.NaN);
    }
    return b.build();
  }

  /** External ids of a user's items. */
  private static List<String> items(SequenceDataset d, String user) {
    UserSequence u = d.users().stream().filter(s -> s.user().equals(user)).findFirst().orElseThrow();
    return java.util.Arrays.stream(u.items()).mapToObj(d.items()::externalId).toList();
  }

  @Test
  void ordersChronologicallyAndKeepsFileOrderOnTies() {
    Interactions in = timed("u", "c", 30, 1, "u", "a", 10, 1, "u", "x", 20, 1, "u", "b", 10, 1, "v", "a", 5, 1);
    Preprocessed p = new Preprocessor(PreprocessOptions.none()).apply(in);
    assertThat(items(p.dataset(), "u")).containsExactly("a", "b", "x", "c");
    assertThat(p.dataset().users().get(0).timestamps()).containsExactly(10, 10, 20, 30);
    assertThat(p.steps().get("order")).contains("equal timestamps in file order");
  }

  @Test
  void vocabulariesFollowIdOrderNotFileOrder() {
    Interactions in = untimed("10", "20", "2", "3", "10", "100");
    SequenceDataset d = new Preprocessor(null).apply(in).dataset();
    assertThat(d.items().externalIds()).containsExactly("3", "20", "100");
    assertThat(d.users()).extracting(UserSequence::user).containsExactly("2", "10");
    SequenceDataset mixed = new Preprocessor(null).apply(untimed("b", "x10", "a", "x9")).dataset();
    assertThat(mixed.items().externalIds()).containsExactly("x10", "x9");
    assertThat(mixed.users()).extracting(UserSequence::user).containsExactly("a", "b");
  }

  @Test
  void ratingThresholdKeepsRatingsAtOrAbove() {
    Interactions in = timed("u", "a", 1, 5, "u", "b", 2, 3.5, "u", "c", 3, 4);
    Preprocessed p = new Preprocessor(new PreprocessOptions(4.0, null, null, null)).apply(in);
    assertThat(items(p.dataset(), "u")).containsExactly("a", "c");
    assertThat(p.steps().get("ratingThreshold")).isEqualTo(">= 4.0: removed 1 interactions");
    assertThatThrownBy(() -> new Preprocessor(new PreprocessOptions(6.0, null, null, null)).apply(in))
        .isInstanceOf(EmptyDataException.class).hasMessage("rating threshold 6.0 removed every interaction (3)");
    assertThatThrownBy(() -> new Preprocessor(new PreprocessOptions(4.0, null, null, null)).apply(untimed("u", "a")))
        .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.key())
            .isEqualTo("data.preprocess.ratingThreshold"));
  }

  @Test
  void dedupeExactDropsSameItemAtSameTimeOnly() {
    Interactions in = timed("u", "a", 1, 5, "u", "b", 1, 5, "u", "a", 1, 3, "u", "a", 2, 5, "v", "a", 1, 5);
    Preprocessed exact = new Preprocessor(new PreprocessOptions(null, "exact", null, null)).apply(in);
    assertThat(items(exact.dataset(), "u")).containsExactly("a", "b", "a");
    assertThat(items(exact.dataset(), "v")).containsExactly("a");
    assertThat(exact.steps().get("dedupe")).isEqualTo("exact: removed 1 interactions");
    Preprocessed first = new Preprocessor(new PreprocessOptions(null, "first", null, null)).apply(in);
    assertThat(items(first.dataset(), "u")).containsExactly("a", "b");
    // Without times, only an item repeated on the user's next line is an exact duplicate.
    SequenceDataset d = new Preprocessor(new PreprocessOptions(null, "exact", null, null))
        .apply(untimed("u", "a", "u", "a", "u", "b", "u", "a")).dataset();
    assertThat(items(d, "u")).containsExactly("a", "b", "a");
  }

  @Test
  void kCoreRepeatsUntilStable() {
    // 2-core: item z has 1 interaction; dropping it leaves user w with 1, dropping w leaves item y with 1 ...
    Interactions in = untimed(
        "u", "a", "u", "b",
        "v", "a", "v", "b",
        "w", "z", "w", "y",
        "x", "y", "x", "a");
    Preprocessed p = new Preprocessor(PreprocessOptions.kCore(2)).apply(in);
    assertThat(p.dataset().users()).extracting(UserSequence::user).containsExactly("u", "v");
    assertThat(p.dataset().items().externalIds()).containsExactly("a", "b");
    assertThat(p.dataset().numInteractions()).isEqualTo(4);
    assertThat(p.before().interactions()).isEqualTo(8);
    assertThat(p.after().users()).isEqualTo(2);
    assertThat(p.steps().get("kCore")).startsWith("users k=2, items k=2: ")
        .contains("removed 4 interactions, 2 users, 2 items");
  }

  @Test
  void kCoreThatRemovesEverythingSaysSo() {
    Interactions in = untimed("u", "a", "v", "b");
    assertThatThrownBy(() -> new Preprocessor(PreprocessOptions.kCore(5)).apply(in))
        .isInstanceOf(EmptyDataException.class)
        .hasMessage("k-core (users k=5, items k=5) removed every user (2 users, 2 items, 2 interactions before it)");
  }

  @Test
  void optionsValidateWithKeys() {
    assertThatThrownBy(() -> new PreprocessOptions(null, "some", null, null))
        .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.key()).isEqualTo("data.preprocess.dedupe"))
        .hasMessageContaining("valid: none, exact, first");
    assertThatThrownBy(() -> new PreprocessOptions(null, null, -1, null))
        .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.key()).isEqualTo("data.preprocess.userCore"));
  }
}
