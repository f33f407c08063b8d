package org.recsys.attention.dl4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.google.inject.AbstractModule;
import com.google.inject.TypeLiteral;
import com.google.inject.multibindings.MapBinder;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.autodiff.samediff.SDVariable;
import org.recsys.api.ConfigException;
import org.recsys.api.TrainingContext;
import org.recsys.attention.layer.Initializer;
import org.recsys.attention.layer.Layer;
import org.recsys.attention.layer.ParameterSpec;
import org.recsys.attention.model.ComposedModel;
import org.recsys.attention.model.NativeInference;
import org.recsys.attention.spec.BlockContext;
import org.recsys.attention.spec.BlockType;
import org.recsys.attention.testing.CountBaselines;
import org.recsys.attention.testing.RankEvaluator;
import org.recsys.data.split.DataSplit;
import org.recsys.data.split.LeaveOneOutSplitter;
import org.recsys.data.synthetic.SyntheticConfig;
import org.recsys.data.synthetic.SyntheticGenerator;

/**
 * README's block written only in SameDiff: registered by its Guice module (listed in the test resources'
 * {@code META-INF/services}), it trains on the dl4j backend and beats popularity, scores the same through the
 * native encoder as through the graph, saves and loads, and the native backend refuses to train it, naming it.
 */
class SameDiffBlockSnippetsTest {
  private static final DataSplit SPLIT = new LeaveOneOutSplitter().split(
      SyntheticGenerator.generate(SyntheticConfig.defaults().withSize(600, 60, 20, 30)));

  // snippet: samediff-block
  /** {@code y = x + (x W + b) * sigmoid(x Wg + bg)}: a gated residual block, written only as its forward. */
  public static final class GatedBlockType implements BlockType<GatedBlockType.Params> {
    /** @param dropout the drop rate of the gated update */
    public record Params(Double dropout) {
      public Params {
        dropout = dropout == null ? 0.0 : dropout;
      }
    }

    @Override
    public Class<Params> parametersType() {
      return Params.class;
    }

    @Override
    public Layer create(Params p, BlockContext c) {
      int d = c.inputSize();
      String n = c.name();
      Initializer w = Initializer.normal(Math.sqrt(1.0 / d));
      List<ParameterSpec> weights = List.of(ParameterSpec.of(n + ".w", w, d, d),
          ParameterSpec.of(n + ".b", Initializer.zeros(), d), ParameterSpec.of(n + ".wg", w, d, d),
          ParameterSpec.of(n + ".bg", Initializer.zeros(), d));
      return SameDiffBlock.of(c, d, weights, true, (g, x) -> {
        SDVariable update = x.mmul(g.parameter(n + ".w")).add(g.parameter(n + ".b"));
        SDVariable gate = g.sd().nn.sigmoid(x.mmul(g.parameter(n + ".wg")).add(g.parameter(n + ".bg")));
        return x.add(g.dropout(n + ".dropout", update.mul(gate), p.dropout(), d));
      });
    }
  }

  /** Registers the block as {@code gated}; listed in {@code META-INF/services/com.google.inject.Module}. */
  public static final class GatedBlockModule extends AbstractModule {
    @Override
    protected void configure() {
      MapBinder.newMapBinder(binder(), new TypeLiteral<String>() {}, new TypeLiteral<BlockType<?>>() {})
          .addBinding("gated").to(GatedBlockType.class);
    }
  }
  // end snippet

  private static String spec(String backend) {
    return "{'backend': '" + backend + "', 'maxLen': 30, 'encoder': {'embedding': {'hiddenSize': 16, 'dropout': 0.0},"
        + " 'blocks': [{'type': 'gated', 'dropout': 0.1}]}, 'loss': {'type': 'bce', 'negatives': 4},"
        + " 'training': {'epochs': 8, 'batchSize': 64, 'learningRate': 0.01, 'validateEvery': 100, 'threads': 1}}";
  }

  @Test
  @Tag("slow")
  void trainsOnTheDl4jBackendBeatsPopularityAndSavesAndLoads(@TempDir Path dir) throws IOException {
    try (ComposedModel model = (ComposedModel) ParityCases.FACTORY.trainer(ParityCases.blueprint(spec("dl4j"))
        .spec()).train(SPLIT.trainingData(), TrainingContext.ofSeed(5))) {
      assertThat(model.weights().names()).contains("encoder.block0.w", "encoder.block0.wg");
      double hr = new RankEvaluator().evaluate(model, SPLIT.test()).mean("HR@10");
      double pop = CountBaselines.popularityHitRate(SPLIT.train(), SPLIT.test());
      assertThat(hr).as("HR@10 of the SameDiff-only block vs popularity %.3f", pop).isGreaterThan(pop + 0.1);

      List<int[]> histories = new ArrayList<>();
      SPLIT.test().stream().limit(20).forEach(c -> histories.add(c.history()));
      // The native encoder runs the block through its graph: the same scores as the whole graph's.
      float[][] nativeScores = model.scoreAll(histories);
      try (Dl4jNetwork graph = new Dl4jNetwork(model.architecture(),
          ParityCases.copy(model.architecture(), model.weights()))) {
        float[][] graphScores = graph.scoreAll(histories);
        for (int h = 0; h < histories.size(); h++) {
          for (int i = 1; i < nativeScores[h].length; i++) {
            assertThat((double) nativeScores[h][i]).isCloseTo(graphScores[h][i], within(1e-5));
          }
        }
      }
      model.save(dir);
      histories.add(new int[0]);
      try (ComposedModel loaded = (ComposedModel) ParityCases.FACTORY.load(dir)) {
        assertThat(loaded.scoreAll(histories)).isDeepEqualTo(model.scoreAll(histories));
      }
    }
  }

  @Test
  void theNativeBackendRefusesToTrainItNamingTheBlock() {
    assertThatThrownBy(() -> ParityCases.blueprint(spec("native"))).isInstanceOf(ConfigException.class)
        .hasMessageContaining("model.encoder.blocks[0]").hasMessageContaining("gated")
        .hasMessageContaining("use model.backend: dl4j");
  }

  @Test
  void itsWeightsStillScoreOnTheNativeKernelsForInference() {
    try (Dl4jNetwork net = Dl4jNetwork.create(ParityCases.blueprint(spec("dl4j")).architecture(60), 9);
        NativeInference inference = new NativeInference(net.architecture(), net.parameters())) {
      List<int[]> histories = List.of(new int[] {1, 2, 3}, new int[] {7}, new int[] {4, 4, 9, 12, 30});
      float[][] graph = net.scoreAll(histories);
      float[][] kernels = inference.recommender().scoreAll(histories);
      for (int h = 0; h < histories.size(); h++) {
        for (int i = 1; i <= 60; i++) {
          assertThat((double) kernels[h][i]).isCloseTo(graph[h][i], within(1e-5));
        }
      }
    }
  }
}
