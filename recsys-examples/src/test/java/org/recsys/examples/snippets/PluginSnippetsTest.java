package org.recsys.examples.snippets;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.recsys.api.EvalCase;
import org.recsys.api.EvaluationReport;
import org.recsys.api.Evaluator;
import org.recsys.api.TrainedModel;
import org.recsys.api.TrainingContext;
import org.recsys.api.TrainingData;
import org.recsys.baselines.pop.PopFactory;
import org.recsys.baselines.pop.PopParams;
import org.recsys.data.DataConfig;
import org.recsys.data.DataPipeline;
import org.recsys.data.LoadedData;
import org.recsys.data.io.ColumnMapping;
import org.recsys.data.io.DataFiles;
import org.recsys.data.io.DataFormat;
import org.recsys.data.io.InteractionReader;
import org.recsys.data.io.ReadSummary;
import org.recsys.data.split.DataSplit;
import org.recsys.eval.CaseMetric;
import org.recsys.eval.EvalSettings;
import org.recsys.eval.EvaluationConfig;
import org.recsys.eval.EvaluationProtocol;
import org.recsys.eval.FullRankingEvaluator;
import org.recsys.eval.RankedCase;

/**
 * README's plug-in examples: a metric, an evaluation protocol and a data format that live only in test code and
 * register through this module's test {@code META-INF/services} files, the way a third party's jar would. Here a
 * library user finds them by name through {@code ServiceLoader} alone, with no Guice; {@code LibraryPluginsTest}
 * runs them through the command line.
 */
public class PluginSnippetsTest {
  @TempDir Path dir;

  // snippet: own-metric
  /** Discounted cumulative gain at k, not normalised: the sum of 1 / log2(rank + 1) over the hits. */
  public record Dcg() implements CaseMetric {
    @Override
    public String name() {
      return "DCG";
    }

    @Override
    public double value(RankedCase c, int k) {
      double dcg = 0;
      for (int rank : c.ranks()) {
        dcg += rank <= k ? Math.log(2) / Math.log(rank + 1) : 0;
      }
      return dcg;
    }
  }
  // end snippet

  // snippet: own-protocol
  /** Full ranking where the model sees only the 5 most recent items of each history. */
  public record RecentHistoryProtocol() implements EvaluationProtocol {
    @Override
    public String name() {
      return "recent-history";
    }

    @Override
    public boolean canExcludeSeen() {
      return true;
    }

    @Override
    public Evaluator evaluator(EvalSettings settings, boolean excludeSeen) {
      Evaluator full = new FullRankingEvaluator(settings.withProtocol("history", "last 5 items"), excludeSeen);
      return (model, cases) -> full.evaluate(model, cases.stream().map(RecentHistoryProtocol::recent).toList());
    }

    private static EvalCase recent(EvalCase c) {
      int[] h = c.history();
      return new EvalCase(c.user(), Arrays.copyOfRange(h, Math.max(0, h.length - 5), h.length), c.targets(),
          c.candidates());
    }
  }
  // end snippet

  // snippet: own-format
  /** {@code user|item|timestamp} lines without a header, in {@code .psv} files. */
  public record PipeFormat() implements DataFormat {
    @Override
    public String name() {
      return "psv";
    }

    @Override
    public boolean recognises(String fileName) {
      return fileName.endsWith(".psv");
    }

    @Override
    public InteractionReader reader(ColumnMapping columns, Character delimiter, boolean lenient) {
      return (file, sink) -> {
        long n = 0;
        try (BufferedReader in = DataFiles.open(file)) {
          for (String line = in.readLine(); line != null; line = in.readLine(), n++) {
            String[] f = line.split("\\|");
            sink.accept(f[0], f[1], Long.parseLong(f[2]), Double.NaN);
          }
        }
        return new ReadSummary(file, name(), n, 0, List.of(), true, false);
      };
    }
  }
  // end snippet

  /** 40 users with 12 interactions each, as {@code .psv} lines. */
  public static String pipeLines() {
    StringBuilder sb = new StringBuilder();
    for (int u = 0; u < 40; u++) {
      for (int t = 0; t < 12; t++) {
        sb.append("u").append(u).append('|').append("i").append((u * 7 + t * 3) % 25).append('|').append(t)
            .append('\n');
      }
    }
    return sb.toString();
  }

  @Test
  void aLibraryUserGetsThePluginsByNameThroughServiceLoader() throws Exception {
    Path file = dir.resolve("clicks.psv");
    Files.writeString(file, pipeLines());
    DataConfig config = DataConfig.file(file, DataConfig.AUTO);
    LoadedData data = DataPipeline.load(config);
    DataSplit split = DataPipeline.split(data, config);
    TrainedModel pop = new PopFactory().trainer(new PopParams())
        .train(new TrainingData(split.train(), List.of()), TrainingContext.ofSeed(1));
    EvaluationConfig evaluation = new EvaluationConfig("recent-history", List.of(5), List.of("dcg", "NDCG", "HR"),
        null, null, 1, 0);
    EvaluationReport report = evaluation.evaluator(42, split.protocol(), null).evaluate(pop, split.test());

    assertThat(config.resolvedFormat()).isEqualTo(new PipeFormat());
    assertThat(data.provenance()).containsEntry("format", "psv");
    assertThat(data.dataset().users()).hasSize(40);
    assertThat(report.protocol()).containsEntry("protocol", "full").containsEntry("history", "last 5 items");
    assertThat(report.cases()).isEqualTo(40);
    assertThat(report.metrics()).containsOnlyKeys("DCG@5", "NDCG@5", "HR@5");
    // One target per case: the ideal DCG is 1, so DCG equals NDCG case by case.
    assertThat(report.values("DCG@5")).containsExactly(report.values("NDCG@5"));
    assertThat(report.mean("HR@5")).isPositive();
  }
}
