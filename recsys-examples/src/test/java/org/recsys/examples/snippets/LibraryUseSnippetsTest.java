package org.recsys.examples.snippets;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.recsys.api.EvalCase;
import org.recsys.api.ItemVocabulary;
import org.recsys.api.ScoredItem;
import org.recsys.api.TrainedModel;
import org.recsys.api.explain.AttentionExplainable;
import org.recsys.api.explain.AttentionMaps;
import org.recsys.api.explain.Contribution;
import org.recsys.api.explain.Explanation;
import org.recsys.api.explain.OcclusionExplainer;
import org.recsys.attention.model.SequentialFactory;
import org.recsys.api.EvaluationReport;
import org.recsys.api.Recommender;
import org.recsys.data.DataConfig;
import org.recsys.data.DataPipeline;
import org.recsys.data.LoadedData;
import org.recsys.data.split.DataSplit;
import org.recsys.eval.EvalSettings;
import org.recsys.eval.FullRankingEvaluator;
import org.recsys.eval.MetricSuite;
import org.recsys.eval.RankingMetrics;

/**
 * The Java snippets of README.md, compiled and run. Each region between {@code // snippet: NAME} and
 * {@code // end snippet} must appear verbatim (up to indentation) in a README code block that starts with the
 * same marker; {@link ReadmeSnippetsTest} checks that.
 */
class LibraryUseSnippetsTest {
  @TempDir Path dir;

  @Test
  void metricsOnYourOwnRankings() {
    // snippet: metrics-on-ranks
    // Per user: the 1-based ranks at which your system placed the held-out item ({} = not ranked at all).
    int[][] ranks = {{1}, {4}, {}};
    double ndcg = 0;
    for (int[] r : ranks) {
      ndcg += RankingMetrics.ndcg(r, 1, 10) / ranks.length;
    }
    // ndcg == (1 + 1 / log2(5) + 0) / 3
    // end snippet
    assertThat(ndcg).isCloseTo((1 + 1 / (Math.log(5) / Math.log(2))) / 3, org.assertj.core.data.Offset.offset(1e-12));
  }

  @Test
  void evaluateAnyRecommender() {
    Recommender myModel = new ScoreTable(new float[][] {{Float.NEGATIVE_INFINITY, 0.1f, 0.9f, 0.5f, 0.2f}});
    // snippet: evaluate-recommender
    List<EvalCase> cases = List.of(EvalCase.fullRanking("alice", new int[] {1}, 3));
    EvaluationReport report = new FullRankingEvaluator(EvalSettings.of(MetricSuite.rankingMetrics(1, 10))
        .withBootstrap(1000, 42)).evaluate(myModel, cases);
    double hr10 = report.mean("HR@10");                 // alice's item 3 is ranked 2nd of items 2..4: hit
    String protocol = report.protocol().get("protocol"); // "full": all items ranked, history excluded
    // end snippet
    assertThat(hr10).isEqualTo(1.0);
    assertThat(report.mean("Accuracy")).isZero();
    assertThat(protocol).isEqualTo("full");
  }

  @Test
  void readAndSplitYourOwnFile() throws Exception {
    Path csvFile = dir.resolve("ratings.csv");
    Files.writeString(csvFile, "user,item,timestamp\nu1,a,1\nu1,b,2\nu1,c,3\nu2,a,5\nu2,c,6\nu2,d,7\nu2,b,8\n");
    // snippet: read-and-split
    DataConfig config = DataConfig.file(csvFile, "csv");       // header user,item,timestamp by default
    LoadedData data = DataPipeline.load(config);               // chronological per user, dense item ids
    DataSplit split = DataPipeline.split(data, config);        // leave-one-out: last item is the test target
    int users = split.test().size();                           // one test case per long-enough user
    int items = data.dataset().numItems();
    // end snippet
    assertThat(users).isEqualTo(2);
    assertThat(items).isEqualTo(4);
    assertThat(split.test().get(1).targets()).containsExactly(data.dataset().items().id("b"));
  }

  @Test
  void loadASavedModelAndRecommend() throws Exception {
    // Train and save a small SASRec, as `recsys run` does into runs/<name>/model.
    var dataset = org.recsys.data.synthetic.SyntheticGenerator.generate(
        new org.recsys.data.synthetic.SyntheticConfig(150, 40, 4, 2, 3, 8, 20, null, null, null, 5L));
    var params = new com.fasterxml.jackson.databind.ObjectMapper().convertValue(java.util.Map.of("maxLen", 20,
        "hiddenSize", 16, "blocks", 1, "learningRate", 0.01, "batchSize", 32, "epochs", 3, "loss", "ce", "threads", 1),
        org.recsys.attention.preset.SasRecPreset.Params.class);
    org.recsys.api.TrainedModel trained = new org.recsys.attention.preset.SasRecPreset(SequentialFactory.discover())
        .trainer(params)
        .train(new org.recsys.api.TrainingData(dataset, List.of()), org.recsys.api.TrainingContext.ofSeed(1));
    Path modelDir = dir.resolve("model");
    trained.save(modelDir);
    String firstId = dataset.items().externalId(1);
    String secondId = dataset.items().externalId(2);

    // snippet: load-and-recommend
    TrainedModel model = SequentialFactory.discover().load(modelDir); // weights, spec and vocabulary
    ItemVocabulary items = model.vocabulary();                       // your item ids <-> dense ids
    int[] history = {items.id(firstId), items.id(secondId)};         // oldest first
    List<ScoredItem> top = model.recommend(history, 10);             // history items are left out
    String best = items.externalId(top.get(0).item());
    // end snippet
    assertThat(top).hasSize(10);
    assertThat(best).isNotIn(firstId, secondId);
    assertThat(model.scoreAll(List.of(history))).isDeepEqualTo(trained.scoreAll(List.of(history)));

    // snippet: explain
    List<Explanation> why = new OcclusionExplainer(model).recommend(history, 10, history); // any model
    Contribution strongest = why.get(0).contributions().get(0); // the history item whose removal costs most
    AttentionMaps attention = model instanceof AttentionExplainable a ? a.attention(history) : null;
    // end snippet
    assertThat(why).extracting(Explanation::item).containsExactlyElementsOf(top.stream().map(ScoredItem::item)
        .toList());
    assertThat(strongest.item()).isIn(history[0], history[1]);
    assertThat(attention.maps()).hasSize(1);
  }

  /** A recommender that returns fixed scores: enough to show the evaluator on anyone's model. */
  private record ScoreTable(float[][] rows) implements Recommender {
    @Override
    public int numItems() {
      return rows[0].length - 1;
    }

    @Override
    public float[][] scoreAll(List<int[]> histories) {
      float[][] out = new float[histories.size()][];
      for (int i = 0; i < out.length; i++) {
        out[i] = rows[0].clone();
      }
      return out;
    }

    @Override
    public float[][] scoreCandidates(List<int[]> histories, int[][] candidates) {
      float[][] out = new float[histories.size()][];
      for (int i = 0; i < out.length; i++) {
        out[i] = new float[candidates[i].length];
        for (int j = 0; j < candidates[i].length; j++) {
          out[i][j] = rows[0][candidates[i][j]];
        }
      }
      return out;
    }
  }
}
