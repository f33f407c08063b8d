package org.recsys.attention.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.recsys.api.TrainingContext;
import org.recsys.attention.head.DotHead;
import org.recsys.attention.layer.Activation;
import org.recsys.attention.layer.BlockLayout;
import org.recsys.attention.layer.Gru;
import org.recsys.attention.layer.Initialisation;
import org.recsys.attention.layer.PositionOrigin;
import org.recsys.attention.layer.Positions;
import org.recsys.attention.layer.SequenceEmbedding;
import org.recsys.attention.layer.SequenceEncoder;
import org.recsys.attention.layer.TransformerBlock;
import org.recsys.attention.loss.SoftmaxCrossEntropy;
import org.recsys.attention.objective.MaskedItem;
import org.recsys.attention.objective.NextItem;
import org.recsys.attention.testing.CountBaselines;
import org.recsys.attention.testing.RankEvaluator;
import org.recsys.attention.train.SequenceTrainer;
import org.recsys.attention.train.TrainerSettings;
import org.recsys.data.split.DataSplit;
import org.recsys.data.split.LeaveOneOutSplitter;
import org.recsys.data.synthetic.SyntheticConfig;
import org.recsys.data.synthetic.SyntheticGenerator;

/**
 * Architectures composed of layers learn the planted sequential structure of the synthetic data: trained by the
 * shared {@link SequenceTrainer}, they beat popularity on the held-out last items by a clear margin in HR@10
 * (full ranking, seen items excluded). Everything is seeded.
 */
class ComposedLearningTest {
  // The default structure (4 styles x 5 successors per item) at a small size, as the other learning tests.
  private static final DataSplit SPLIT = new LeaveOneOutSplitter().split(
      SyntheticGenerator.generate(SyntheticConfig.defaults().withSize(1200, 100, 20, 40)));
  private static final int MAX_LEN = 40;

  /**
   * GRU4Rec: item embedding, one GRU layer, tied dot head, softmax over every item at every position. Measured with
   * seeds 7, 8, 9: HR@10 0.750, 0.781, 0.758 against popularity 0.255.
   */
  @Test
  void gruLearnsTheNextItem() {
    int items = SPLIT.train().numItems();
    int d = 32;
    SequenceEmbedding embedding = new SequenceEmbedding("encoder.embedding", items + 1, d, MAX_LEN, Positions.NONE,
        PositionOrigin.END, false, false, 0f, 0.1, Initialisation.XAVIER);
    SequenceEncoder encoder = new SequenceEncoder(embedding, List.of(new Gru("encoder.gru", d, d, 0.0)),
        Optional.empty());
    Architecture gru4rec = new Architecture(encoder, new DotHead("head", true, embedding.itemTable(), items, d,
        Initialisation.XAVIER), new SoftmaxCrossEntropy(false), false, new NextItem(), MAX_LEN, items);
    assertBeatsPopularity("GRU", gru4rec, 10, 0.005, 0.4);
  }

  /**
   * A BERT4Rec-like encoder: learned positions, one bidirectional post-LN transformer block, tied head with a
   * per-item bias, trained to fill in masked items. It learns only popularity for its first 15 to 20 epochs
   * (until the attention finds the neighbouring items), hence the short windows, the high mask rate and the
   * epochs: about 12 s. Measured with seeds 7, 8, 9: HR@10 0.626, 0.543, 0.755 against popularity 0.255.
   */
  @Test
  @Tag("slow")
  void bidirectionalTransformerLearnsMaskedItems() {
    int items = SPLIT.train().numItems();
    int d = 32;
    int maxLen = 20;
    MaskedItem objective = new MaskedItem(0.4);
    SequenceEmbedding embedding = new SequenceEmbedding("encoder.embedding", items + 1 + objective.specialTokens(),
        d, maxLen, Positions.LEARNED, PositionOrigin.START, false, true, 1e-12f, 0.0, Initialisation.XAVIER);
    TransformerBlock block = new TransformerBlock("encoder.block0", d, 2, 4 * d, false, BlockLayout.POST_LN, 0.0,
        0.0, 1e-12f, Activation.GELU, Initialisation.XAVIER);
    SequenceEncoder encoder = new SequenceEncoder(embedding, List.of(block), Optional.empty());
    Architecture bert = new Architecture(encoder, new DotHead("head", true, embedding.itemTable(), items, d,
        Initialisation.XAVIER, true), new SoftmaxCrossEntropy(false), false, objective, maxLen, items);
    assertBeatsPopularity("bidirectional post-LN", bert, 40, 0.01, 0.2);
  }

  private static void assertBeatsPopularity(String what, Architecture architecture, int epochs, double learningRate,
      double margin) {
    TrainerSettings settings = new TrainerSettings(epochs, 64, architecture.maxLen(), epochs, 1, "HR@10",
        learningRate, 0.9, 0.98, SequenceTrainer.ADAM_EPSILON, 0.0);
    try (ComposedNetwork network = ComposedNetwork.create(architecture, 7, 1)) {
      new SequenceTrainer(settings).train(network, SPLIT.trainingData(),
          TrainingContext.ofSeed(7).withValidator(new RankEvaluator()));
      double hitRate = new RankEvaluator().evaluate(network.recommender(), SPLIT.test()).mean("HR@10");
      double popularity = CountBaselines.popularityHitRate(SPLIT.train(), SPLIT.test());
      assertThat(hitRate).as("%s HR@10 %.3f vs popularity %.3f", what, hitRate, popularity)
          .isGreaterThan(popularity + margin);
    }
  }
}
