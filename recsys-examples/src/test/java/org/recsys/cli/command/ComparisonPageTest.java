package org.recsys.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.recsys.api.EvaluationReport;
import org.recsys.cli.CliTestSupport;
import org.recsys.cli.report.RunComparison;
import org.recsys.cli.report.RunFiles;
import org.recsys.eval.stats.PairedComparison;
import org.recsys.eval.stats.PairedTest;

/** {@code comparison.html} written by {@code compare --out}, read back as a DOM, against the runs' own files. */
class ComparisonPageTest {
  private static final List<String> METRICS = List.of("HR@10", "NDCG@10");
  private static final Pattern SERIES_KEY = Pattern.compile("\"seriesKey\": \"([^\"]*)\"");

  @TempDir static Path dir;
  static List<Path> runs;
  static Path pageDir;
  static Document page;

  @BeforeAll
  static void compareThreeRuns() throws Exception {
    runs = new ArrayList<>();
    // Fast models whose metrics differ and are not 0, so that a number taken from the wrong run shows, and every
    // run has a bar (a mean of 0 has none); the test-only model scores 0 under full ranking.
    Map<String, String> models = new LinkedHashMap<>();
    models.put("pop", "{type: pop}");
    models.put("markov", "{type: markov}");
    models.put("markov-popular", "{type: markov, popularityWeight: 0.9}");
    for (Map.Entry<String, String> model : models.entrySet()) {
      Path out = dir.resolve("runs").resolve(model.getKey());
      String[] tiny = RunCommandTest.args("run", "--out", out.toString());
      String[] args = Arrays.copyOf(tiny, tiny.length + 2);
      args[tiny.length] = "--set";
      args[tiny.length + 1] = "model=" + model.getValue();
      CliTestSupport r = CliTestSupport.run(args);
      assertThat(r.exitCode()).as(r.err()).isZero();
      runs.add(out);
    }
    pageDir = dir.resolve("comparison");
    List<String> args = new ArrayList<>(List.of("compare"));
    runs.forEach(run -> args.add(run.toString()));
    args.addAll(List.of("--metric", String.join(",", METRICS), "--out", pageDir.toString()));
    CliTestSupport compare = CliTestSupport.run(args.toArray(String[]::new));
    assertThat(compare.exitCode()).as(compare.err()).isZero();
    assertThat(compare.out()).startsWith(Files.readString(pageDir.resolve(RunComparison.MARKDOWN)));
    page = Jsoup.parse(pageDir.resolve(RunComparison.HTML).toFile());
  }

  private static JsonNode metricsJson(Path run) throws Exception {
    return new ObjectMapper().readTree(run.resolve(RunFiles.METRICS).toFile());
  }

  private static String name(Path run) {
    return run.getFileName().toString();
  }

  private static String number(double v) {
    return String.format(Locale.ROOT, "%.4f", v);
  }

  @Test
  void eachMetricHasAChartWithOneBarPerRunInRunOrder() {
    for (String metric : METRICS) {
      Element section = page.selectFirst("section.metric[data-metric=" + metric + "]");
      assertThat(section).as("section of %s", metric).isNotNull();
      List<Element> charts = section.select("svg");
      assertThat(charts).as("charts of %s", metric).hasSize(1);
      List<String> bars = new ArrayList<>();
      for (Element g : charts.get(0).getElementsByTag("g")) {
        Matcher m = SERIES_KEY.matcher(g.attr("jfreesvg:ref"));
        if (m.find()) {
          bars.add(m.group(1));
        }
      }
      assertThat(bars).as("bars of %s", metric).containsExactlyElementsOf(runs.stream().map(
          ComparisonPageTest::name).toList());
      assertThat(charts.get(0).select("text").eachText()).as("axis labels of %s", metric)
          .containsSubsequence(runs.stream().map(ComparisonPageTest::name).toList());
    }
    assertThat(page.select("section.metric")).hasSize(METRICS.size());
  }

  @Test
  void theNumbersShownAreThoseOfEachRunsMetricsJson() throws Exception {
    assertThat(metricsJson(runs.get(1)).get("metrics").get("HR@10").get("mean").asDouble())
        .as("markov's HR@10, unlike pop's").isNotEqualTo(metricsJson(runs.get(0)).get("metrics").get("HR@10")
            .get("mean").asDouble());
    for (Path run : runs) {
      JsonNode metrics = metricsJson(run).get("metrics");
      for (String metric : METRICS) {
        JsonNode s = metrics.get(metric);
        Element row = page.selectFirst("section.metric[data-metric=" + metric + "] tr[data-run=" + name(run) + "]");
        assertThat(row).as("%s row of %s", metric, run).isNotNull();
        assertThat(Double.parseDouble(row.attr("data-mean"))).isEqualTo(s.get("mean").asDouble());
        assertThat(Double.parseDouble(row.attr("data-ci-low"))).isEqualTo(s.get("ciLow").asDouble());
        assertThat(Double.parseDouble(row.attr("data-ci-high"))).isEqualTo(s.get("ciHigh").asDouble());
        assertThat(row.selectFirst("td.mean").text()).isEqualTo(number(s.get("mean").asDouble()));
        assertThat(row.selectFirst("td.ci").text()).isEqualTo("[" + number(s.get("ciLow").asDouble()) + ", "
            + number(s.get("ciHigh").asDouble()) + "]");
      }
    }
  }

  @Test
  void eachRunShowsItsProtocolStampAndLinksToItsReport() throws Exception {
    List<Element> rows = page.select("table#runs tr[data-run]");
    assertThat(rows).hasSize(runs.size());
    for (int i = 0; i < runs.size(); i++) {
      Element row = rows.get(i);
      assertThat(row.attr("data-run")).isEqualTo(name(runs.get(i)));
      List<String> stamp = new ArrayList<>();
      metricsJson(runs.get(i)).get("protocol").properties().forEach(e -> stamp.add(e.getKey() + "="
          + e.getValue().asText()));
      assertThat(stamp).contains("protocol=full");
      assertThat(row.selectFirst("code").text()).isEqualTo(String.join(", ", stamp));
      String href = row.selectFirst("a[href]").attr("href");
      assertThat(href).doesNotStartWith("/").doesNotContain(dir.toString());
      Path target = pageDir.resolve(href);
      assertThat(target).isRegularFile();
      assertThat(Files.isSameFile(target, runs.get(i).resolve(RunFiles.REPORT_HTML))).isTrue();
    }
  }

  @Test
  void thePairedTestsOfEachRunAgainstTheFirstArePresent() throws Exception {
    List<EvaluationReport> reports = new ArrayList<>();
    for (Path run : runs) {
      reports.add(CliTestSupport.report(run));
    }
    PairedTest test = PairedTest.withSeed(42);
    assertThat(page.select("section.paired")).hasSize(runs.size() - 1);
    for (int i = 1; i < runs.size(); i++) {
      Element section = page.selectFirst("section.paired[data-candidate=" + name(runs.get(i)) + "]");
      assertThat(section).as("paired tests of %s", runs.get(i)).isNotNull();
      assertThat(section.selectFirst("h3").text()).isEqualTo(name(runs.get(i)) + " vs " + name(runs.get(0)));
      for (String metric : METRICS) {
        PairedComparison expected = test.compare(reports.get(0), reports.get(i), metric);
        Element row = section.selectFirst("tr[data-metric=" + metric + "]");
        assertThat(row).as("%s row of %s", metric, runs.get(i)).isNotNull();
        List<String> cells = row.select("td").eachText();
        assertThat(cells.subList(0, 5)).containsExactly(metric, number(expected.baselineMean()),
            number(expected.candidateMean()), String.format(Locale.ROOT, "%+.4f", expected.difference()),
            String.format(Locale.ROOT, "[%+.4f, %+.4f]", expected.ciLow(), expected.ciHigh()));
        assertThat(cells).hasSize(7);
      }
    }
  }

  @Test
  void aRunDirectoryIsNoPlaceForTheComparison() throws Exception {
    Path run = runs.get(0);
    CliTestSupport r = CliTestSupport.run("compare", run.toString(), runs.get(1).toString(), "--out", run.toString());
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("--out " + run + " is a run directory");
    assertThat(run.resolve(RunComparison.HTML)).doesNotExist();
  }
}
