package org.recsys.eval.rankings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RankingsFileEvaluatorTest {
  @TempDir
  Path dir;
  private final RankingsFileEvaluator evaluator = new RankingsFileEvaluator(List.of(1, 3), 200, 5);

  private Path file(String name, String content) throws IOException {
    return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
  }

  @Test
  void scoresRankingsAgainstTruthEndToEnd() throws IOException {
    Path r = file("R.tsv", """
        alice\tm1,m2,m3,m4
        bob\tm9,m8
        zoe\tm1
        """);
    // carol spans two lines (merged); dave has no ranking.
    Path t = file("T.tsv", """
        alice\tm3
        bob\tm9,m7
        carol\tm1

        dave\tm2
        """);
    // carol has no ranking either -> 2 missing; zoe is not in the truth -> 1 unjudged.
    RankingsEvaluation e = evaluator.evaluate(r, t);
    assertThat(e.users()).containsExactly("alice", "bob", "carol", "dave");
    assertThat(e.missingUsers()).isEqualTo(2);
    assertThat(e.unjudgedUsers()).isEqualTo(1);
    assertThat(e.truthUsers()).isEqualTo(4);
    assertThat(e.metrics().keySet()).containsExactly("Accuracy", "HR@1", "HR@3", "Precision@1", "Precision@3",
        "Recall@1", "Recall@3", "F1@1", "F1@3", "NDCG@1", "NDCG@3", "MRR@1", "MRR@3", "MAP@1", "MAP@3");
    // alice: m3 at rank 3. bob: m9 at rank 1, m7 not ranked (2 targets). carol, dave: misses.
    // HR@3 = (1 + 1 + 0 + 0) / 4 = 0.5; Accuracy = 1/4 (bob).
    assertThat(e.report().values("HR@3")).containsExactly(1, 1, 0, 0);
    assertThat(e.report().mean("HR@3")).isEqualTo(0.5);
    assertThat(e.report().mean("Accuracy")).isEqualTo(0.25);
    // Recall@3: alice 1, bob 1/2 -> mean 1.5 / 4 = 0.375. Precision@3: 1/3 and 1/3 -> 0.6667 / 4 = 0.1667.
    assertThat(e.report().mean("Recall@3")).isCloseTo(0.375, within(1e-12));
    assertThat(e.report().mean("Precision@3")).isCloseTo(1.0 / 6, within(1e-12));
    // NDCG@3: alice 1/log2(4) = 0.5; bob 1 / (1 + 1/log2(3)) = 0.6131472 -> mean 1.1131472 / 4 = 0.2782868.
    assertThat(e.report().mean("NDCG@3")).isCloseTo(0.2782867982, within(1e-9));
    // MRR@3: 1/3 + 1 = 1.3333 / 4 = 0.3333. MAP@3: alice 1/3, bob (1/1) / min(2, 3) = 0.5 -> 0.8333 / 4.
    assertThat(e.report().mean("MRR@3")).isCloseTo(1.0 / 3, within(1e-12));
    assertThat(e.report().mean("MAP@3")).isCloseTo(0.8333333333 / 4, within(1e-9));
    assertThat(e.report().protocol()).containsEntry("protocol", "rankings-file").containsEntry("truth", t.toString());
    assertThat(e.toMarkdown()).startsWith("Users in truth: 4; without a ranking (counted as misses): 2; ranked but"
        + " not in truth (ignored): 1").contains("| HR@3 | 0.5000 | [");
  }

  @Test
  void truthItemsMayBeSplitOverLinesAndRankingsMayBeEmpty() throws IOException {
    Path r = file("R.tsv", "\uFEFFu1\tb,a,c\nu2\t\n");
    Path t = file("T.tsv", "u1\ta\nu1\tc\nu2\tz\n");
    RankingsEvaluation e = evaluator.evaluate(r, t);
    // u1: targets a, c at ranks 2 and 3 -> Recall@3 = 1, NDCG@3 = (1/log2(3) + 1/log2(4)) / (1 + 1/log2(3)).
    // u2: an empty ranking, ranked (not missing) but a miss.
    assertThat(e.report().values("Recall@3")).containsExactly(1, 0);
    assertThat(e.report().values("NDCG@3")[0]).isCloseTo((0.6309297536 + 0.5) / 1.6309297536, within(1e-9));
    assertThat(e.missingUsers()).isZero();
  }

  @Test
  void aDuplicateItemInARankingNamesTheUserAndLine() throws IOException {
    Path r = file("R.tsv", "u1\ta,b\nu2\tc,d,c\n");
    Path t = file("T.tsv", "u1\ta\n");
    assertThatThrownBy(() -> evaluator.evaluate(r, t)).isInstanceOf(RankingsFileException.class)
        .hasMessage(r + ":2: user u2: item c appears twice in the ranking (positions 1 and 3)")
        .satisfies(ex -> assertThat(((RankingsFileException) ex).line()).isEqualTo(2));
  }

  @Test
  void emptyTruthIsAnError() throws IOException {
    Path r = file("R.tsv", "u1\ta\n");
    Path t = file("T.tsv", "\n  \n");
    assertThatThrownBy(() -> evaluator.evaluate(r, t))
        .hasMessage(t + ": the truth file holds no users; nothing to evaluate");
    Path noItems = file("T2.tsv", "u1\ta\nu2\t \n");
    assertThatThrownBy(() -> evaluator.evaluate(r, noItems)).hasMessage(noItems + ":2: user u2 has no items");
  }

  @Test
  void malformedLinesNameFileAndLine() throws IOException {
    Path t = file("T.tsv", "u1\ta\n");
    assertThatThrownBy(() -> evaluator.evaluate(file("a.tsv", "u1\ta\nu2 b,c\n"), t))
        .hasMessageContaining("a.tsv:2: expected user<TAB>item[,item...], found no tab in 'u2 b,c'");
    assertThatThrownBy(() -> evaluator.evaluate(file("b.tsv", "u1\ta\tb\n"), t))
        .hasMessageContaining("b.tsv:1: expected user<TAB>item[,item...], found more than one tab");
    assertThatThrownBy(() -> evaluator.evaluate(file("c.tsv", "u1\ta,,b\n"), t))
        .hasMessageContaining("c.tsv:1: user u1: empty item id at position 2");
    assertThatThrownBy(() -> evaluator.evaluate(file("d.tsv", " \ta\n"), t))
        .hasMessageContaining("d.tsv:1: empty user id");
    assertThatThrownBy(() -> evaluator.evaluate(file("e.tsv", "u1\ta\n\nu1\tb\n"), t))
        .hasMessageContaining("e.tsv:3: user u1 is ranked again (first at line 1)");
    assertThatThrownBy(() -> evaluator.evaluate(file("f.tsv", "u1\ta\n"), file("T3.tsv", "u1\ta\nu1\tb,a\n")))
        .hasMessageContaining("T3.tsv:2: user u1: truth item a is given twice (first at line 1)");
    Path bad = dir.resolve("g.tsv");
    Files.write(bad, new byte[] {'u', '\t', (byte) 0xC3, (byte) 0x28, '\n'});
    assertThatThrownBy(() -> evaluator.evaluate(bad, t)).hasMessageContaining("g.tsv:1: not valid UTF-8");
    assertThatThrownBy(() -> evaluator.evaluate(dir.resolve("nope.tsv"), t))
        .hasMessageContaining("nope.tsv: no such file");
  }
}
