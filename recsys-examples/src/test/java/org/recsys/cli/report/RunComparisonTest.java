package org.recsys.cli.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.recsys.api.EvaluationReport;
import org.recsys.api.MetricSummary;

/** The checks a comparison makes of its runs, and what its page does with awkward names and paths. */
class RunComparisonTest {
  @TempDir Path dir;

  private static final Map<String, String> STAMP = stamp("protocol", "full", "excludeSeen", "true", "items", "60",
      "split", "leave-one-out");

  private static Map<String, String> stamp(String... keysAndValues) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      m.put(keysAndValues[i], keysAndValues[i + 1]);
    }
    return m;
  }

  private static RunRecord record(String name, Map<String, String> protocol, double mean) {
    return new RunRecord(name, "test-recency", protocol, 3, Map.of("HR@10", new MetricSummary(mean, mean - 0.1,
        mean + 0.1)), Map.of(), List.of(), 0, 0, 0, Map.of(), null);
  }

  private static RunComparison comparison(List<RunRecord> records, List<List<String>> users) {
    List<EvaluationReport> reports = records.stream().map(r -> r.asReport(Map.of("HR@10", new double[] {0, 1, 1})))
        .toList();
    return new RunComparison(records, reports, users, 42);
  }

  @Test
  void runsWhoseStampsDifferInOneFieldAreRefusedNamingTheFieldAndBothValues() {
    Map<String, String> other = new LinkedHashMap<>(STAMP);
    other.put("excludeSeen", "false");
    List<String> users = List.of("u1", "u2", "u3");
    assertThatThrownBy(() -> comparison(List.of(record("a", STAMP, 0.5), record("b", other, 0.6)),
        List.of(users, users)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("runs a and b differ in their protocol stamps: 'excludeSeen' is 'true' in a but 'false' in b;"
            + " only runs under the same protocol can be compared");
  }

  @Test
  void aFieldOnlyOneStampHasIsADifferenceToo() {
    Map<String, String> sampled = new LinkedHashMap<>(STAMP);
    sampled.put("protocol", "sampled");
    sampled.put("candidates", "101");
    List<String> users = List.of("u1", "u2", "u3");
    assertThatThrownBy(() -> comparison(List.of(record("a", STAMP, 0.5), record("b", STAMP, 0.5),
        record("c", sampled, 0.6)), List.of(users, users, users)))
        .hasMessageContaining("runs a and c differ")
        .hasMessageContaining("'protocol' is 'full' in a but 'sampled' in c")
        .hasMessageContaining("'candidates' is absent in a but '101' in c")
        .hasMessageNotContaining("excludeSeen");
  }

  @Test
  void runsOnOtherTestCasesAreRefused() {
    List<RunRecord> records = List.of(record("a", STAMP, 0.5), record("b", STAMP, 0.6));
    assertThatThrownBy(() -> comparison(records, List.of(List.of("u1", "u2", "u3"), List.of("u1", "u2"))))
        .hasMessage("runs a and b were evaluated on 3 and 2 test cases; paired tests need the same cases");
    assertThatThrownBy(() -> comparison(records, List.of(List.of("u1", "u2", "u3"), List.of("u1", "u3", "u2"))))
        .hasMessageContaining("different test cases");
  }

  @Test
  void thePageEscapesNamesGivesRepeatedNamesTheirOwnBarAndEncodesLinks() throws Exception {
    String awkward = "<b>x & \"y\"</b>";
    List<String> users = List.of("u1", "u2", "u3");
    RunComparison c = comparison(List.of(record(awkward, STAMP, 0.5), record(awkward, STAMP, 0.6)),
        List.of(users, users));
    Path first = dir.resolve("runs").resolve("with space#1");
    Path second = dir.resolve("runs").resolve("b:2");
    for (Path run : List.of(first, second)) {
      Files.createDirectories(run);
      Files.writeString(run.resolve(RunFiles.REPORT_HTML), "<html></html>");
    }
    Path pageDir = dir.resolve("page");
    c.write(pageDir, List.of(first, second), List.of("HR@10"));
    String html = Files.readString(pageDir.resolve(RunComparison.HTML));
    assertThat(html).doesNotContain("<b>x");
    Document page = Jsoup.parse(html);
    assertThat(page.select("td b, h1 b ~ b")).isEmpty();
    assertThat(page.select("table#runs tr[data-run] td:eq(0)").eachText()).containsExactly(awkward,
        awkward + " (2)");
    assertThat(page.select("section.metric svg").first().getElementsByTag("g").eachAttr("jfreesvg:ref"))
        .filteredOn(ref -> ref.contains("seriesKey")).hasSize(2);
    List<String> hrefs = page.select("table#runs a[href]").eachAttr("href");
    assertThat(hrefs).containsExactly("../runs/with%20space%231/report.html", "../runs/b:2/report.html");
    assertThat(ComparisonPage.href(dir.resolve("runs"), second.resolve(RunFiles.REPORT_HTML)))
        .isEqualTo("./b:2/report.html");
  }
}
