package org.recsys.attention.sasrec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.recsys.attention.sasrec.SasRecNetworks.params;
import static org.recsys.attention.sasrec.SasRecNetworks.with;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.recsys.api.ConfigException;
import org.recsys.api.ModelExpansion;
import org.recsys.attention.layer.PositionOrigin;
import org.recsys.attention.layer.TransformerBlock;
import org.recsys.attention.loss.BinaryCrossEntropy;
import org.recsys.attention.loss.SampledSoftmax;
import org.recsys.attention.loss.SoftmaxCrossEntropy;
import org.recsys.attention.model.Architecture;
import org.recsys.attention.model.ComposedModel;
import org.recsys.attention.nn.ParameterSet;
import org.recsys.attention.preset.SasRecPreset;
import org.recsys.attention.spec.SequentialSpec;

/** The {@code sasrec} preset: its flat keys, their defaults, the errors naming them, and the spec they expand to. */
class SasRecPresetTest {
  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  /** The expansion of a config that gives no key: the paper's ML-1M settings, every default written out. */
  private static final String DEFAULT_SPEC = """
      {"name": "sasrec", "backend": "native", "maxLen": 200,
       "encoder": {
         "embedding": {"hiddenSize": 50, "positions": "learned", "positionOrigin": "end", "scale": true,
                       "dropout": 0.2, "norm": false},
         "blocks": [{"type": "transformer", "heads": 1, "inner": null, "attention": "causal", "layout": "sasrec",
                     "dropout": 0.2, "attentionDropout": 0.2, "eps": 1.0E-8, "activation": "relu"}],
         "repeat": 2, "finalNorm": true, "eps": 1.0E-8, "init": "xavier"},
       "head": {"type": "dot", "tied": true, "bias": false},
       "loss": {"type": "bce", "negatives": 1, "scoreBias": false},
       "objective": {"type": "next-item"},
       "training": {"learningRate": 0.001, "beta1": 0.9, "beta2": 0.98, "l2Embedding": 0.0, "batchSize": 128,
                    "epochs": 200, "validateEvery": 10, "patience": 5, "metric": "NDCG@10", "threads": 0}}
      """;

  private static SequentialSpec spec(SasRecPreset.Params p) {
    return (SequentialSpec) SasRecNetworks.preset().expand(p).orElseThrow().parameters();
  }

  private static JsonNode lossOf(SasRecPreset.Params p) {
    return spec(p).loss();
  }

  @Test
  void defaultsAreThePapersMl1mSettings() {
    SequentialSpec s = spec(params());
    assertThat(s.name()).isEqualTo("sasrec");
    assertThat(s.maxLen()).isEqualTo(200);
    assertThat(s.encoder().embedding().hiddenSize()).isEqualTo(50);
    assertThat(s.encoder().expandedBlocks()).hasSize(2)
        .allSatisfy(b -> assertThat(b.path("type").asText()).isEqualTo("transformer"))
        .allSatisfy(b -> assertThat(b.path("heads").asInt()).isEqualTo(1))
        .allSatisfy(b -> assertThat(b.path("attention").asText()).isEqualTo("causal"))
        .allSatisfy(b -> assertThat(b.path("dropout").asDouble()).isEqualTo(0.2));
    assertThat(s.encoder().embedding().dropout()).isEqualTo(0.2);
    assertThat(s.training().learningRate()).isEqualTo(0.001);
    assertThat(s.training().beta2()).isEqualTo(0.98);
    assertThat(s.training().batchSize()).isEqualTo(128);
    assertThat(s.training().epochs()).isEqualTo(200);
    assertThat(s.training().validateEvery()).isEqualTo(10);
    assertThat(s.training().metric()).isEqualTo("NDCG@10");
    assertThat(s.loss().path("type").asText()).isEqualTo("bce");
    assertThat(s.loss().path("negatives").asInt()).isEqualTo(1);
    assertThat(s.loss().has("t")).as("gbce's t").isFalse();
    assertThat(s.encoder().embedding().origin()).isEqualTo(PositionOrigin.END);
    assertThat(s.encoder().init()).isEqualTo("xavier");
  }

  @Test
  void theExpansionIsTheSequentialSpecItStandsForAndTrainsAsIs() throws Exception {
    ModelExpansion x = SasRecNetworks.preset().expand(params()).orElseThrow();
    assertThat(x.type()).isEqualTo(ComposedModel.TYPE);
    assertThat(x.name()).isEqualTo("sasrec");
    JsonNode tree = JSON.valueToTree(x.parameters());
    assertThat(tree).isEqualTo(JSON.readTree(DEFAULT_SPEC));
    // As config.resolved.yaml records it, under type: sequential, it expands to itself.
    SequentialSpec recorded = JSON.treeToValue(tree, SequentialSpec.class);
    ModelExpansion again = SasRecNetworks.factory().expand(recorded).orElseThrow();
    assertThat(again.parameters()).isEqualTo(x.parameters());
    assertThat(again.name()).isEqualTo("sasrec");
    Architecture a = SasRecNetworks.factory().components().resolve(recorded).architecture(20);
    Architecture b = SasRecNetworks.architecture(params(), 20);
    assertThat(a.layout()).isEqualTo(b.layout());
    assertThat(a.describe()).isEqualTo(b.describe());
    try (ParameterSet wa = a.layout().allocate(); ParameterSet wb = b.layout().allocate()) {
      a.layout().initialise(wa, 7);
      b.layout().initialise(wb, 7);
      assertThat(wa.snapshot()).as("the same fresh weights from a seed").isDeepEqualTo(wb.snapshot());
    }
  }

  @Test
  void theKeysExpandToTheirPlacesInTheSpec() {
    SequentialSpec s = spec(params("maxLen", 30, "hiddenSize", 64, "blocks", 3, "heads", 4, "dropout", 0.1,
        "positions", "start", "init", "normal", "loss", "gbce", "negatives", 16, "gbceT", 0.5, "learningRate", 0.01,
        "beta1", 0.8, "beta2", 0.99, "l2Embedding", 0.1, "batchSize", 32, "epochs", 7, "validateEvery", 2,
        "patience", 3, "metric", "HR@10", "threads", 2));
    assertThat(s.maxLen()).isEqualTo(30);
    assertThat(s.encoder().embedding().hiddenSize()).isEqualTo(64);
    assertThat(s.encoder().embedding().dropout()).isEqualTo(0.1);
    assertThat(s.encoder().embedding().positionOrigin()).isEqualTo("start");
    assertThat(s.encoder().init()).isEqualTo("normal");
    assertThat(s.encoder().blocks()).as("one block listed, repeated").hasSize(1);
    assertThat(s.encoder().repeat()).isEqualTo(3);
    ObjectNode block = s.encoder().blocks().get(0);
    assertThat(block.path("heads").asInt()).isEqualTo(4);
    assertThat(block.path("dropout").asDouble()).isEqualTo(0.1);
    assertThat(block.path("attentionDropout").asDouble()).isEqualTo(0.1);
    assertThat(block.path("layout").asText()).isEqualTo("sasrec");
    assertThat(s.loss()).isEqualTo(JSON.createObjectNode().put("type", "gbce").put("negatives", 16).put("t", 0.5)
        .put("scoreBias", true));
    assertThat(s.training()).isEqualTo(new org.recsys.attention.spec.TrainingSpec(0.01, 0.8, 0.99, 0.1, 32, 7, 2, 3,
        "HR@10", 2));
    Architecture a = SasRecNetworks.architecture(params("maxLen", 30, "hiddenSize", 64, "blocks", 3, "heads", 4), 20);
    assertThat(a.encoder().blocks()).hasSize(3).allSatisfy(l -> {
      TransformerBlock t = (TransformerBlock) l;
      assertThat(t.heads()).isEqualTo(4);
      assertThat(t.causal()).isTrue();
    });
    assertThat(a.encoder().blocks()).extracting(l -> l.name())
        .containsExactly("encoder.block0", "encoder.block1", "encoder.block2");
    assertThat(a.encoder().finalNorm()).isPresent();
  }

  @Test
  void noBlocksIsTheEmbeddingAndTheFinalNorm() {
    SequentialSpec s = spec(params("blocks", 0));
    assertThat(s.encoder().expandedBlocks()).isEmpty();
    Architecture a = SasRecNetworks.architecture(params("blocks", 0, "hiddenSize", 8), 10);
    assertThat(a.encoder().blocks()).isEmpty();
    assertThat(a.layout().specs()).extracting(p -> p.name()).containsExactly("encoder.embedding.items",
        "encoder.embedding.positions", "encoder.final_norm.gain", "encoder.final_norm.bias");
  }

  @Test
  void bindsFromJsonWithOmittedKeysAndRoundTrips() throws Exception {
    SasRecPreset.Params p = JSON.readValue("{\"loss\":\"gbce\",\"hiddenSize\":64,\"heads\":2}",
        SasRecPreset.Params.class);
    SequentialSpec s = spec(p);
    assertThat(s.encoder().embedding().hiddenSize()).isEqualTo(64);
    assertThat(s.loss().path("negatives").asInt()).isEqualTo(256);
    assertThat(s.loss().path("t").asDouble()).isEqualTo(0.75);
    assertThat(s.maxLen()).isEqualTo(200);
    assertThat(JSON.readValue(JSON.writeValueAsString(p), SasRecPreset.Params.class)).isEqualTo(p);
    SasRecPreset.Params ce = params("loss", "ce", "positions", "start", "init", "normal", "ceExcludesHistory", true);
    assertThat(lossOf(ce)).isEqualTo(JSON.createObjectNode().put("type", "ce").put("excludeHistory", true));
    assertThat(SasRecNetworks.architecture(ce, 10).loss()).isEqualTo(new SoftmaxCrossEntropy(true));
    assertThat(lossOf(params("loss", "ce")).path("excludeHistory").asBoolean(true)).isFalse();
    assertThat(ce.ceExcludesHistory()).isTrue();
    assertThat(params().ceExcludesHistory()).as("unset keys stay unset in the preset's record").isNull();
    assertThat(JSON.readValue(JSON.writeValueAsString(ce), SasRecPreset.Params.class)).isEqualTo(ce);
    assertThat(lossOf(params("loss", "sampled-softmax")).path("negatives").asInt()).isEqualTo(100);
  }

  @Test
  void badValuesNameTheirKey() {
    assertKey(params("loss", "hinge"), "model.loss", "bce, ce, sampled-softmax, gbce");
    assertKey(params("hiddenSize", 50, "heads", 3), "model.heads", "must divide");
    assertKey(params("hiddenSize", -3), "model.hiddenSize", "got -3");
    assertKey(params("maxLen", 0), "model.maxLen", "got 0");
    assertKey(params("blocks", -1), "model.blocks", ">= 0");
    assertKey(params("dropout", 1.0), "model.dropout", "[0, 1)");
    assertKey(params("beta2", 1.0), "model.beta2", "[0, 1)");
    assertKey(params("learningRate", 0), "model.learningRate", "> 0");
    assertKey(params("loss", "ce", "negatives", 5), "model.negatives", "takes no negatives");
    assertKey(params("negatives", 0), "model.negatives", "> 0");
    assertKey(params("loss", "gbce", "negatives", 0), "model.negatives", "> 0");
    assertKey(params("loss", "sampled-softmax", "negatives", -2), "model.negatives", "> 0");
    assertKey(params("gbceT", 0.5), "model.gbceT", "only to loss gbce");
    assertKey(params("loss", "gbce", "gbceT", 1.5), "model.gbceT", "[0, 1]");
    assertKey(params("patience", 0), "model.patience", "> 0");
    assertKey(params("threads", -1), "model.threads", ">= 0");
    assertKey(params("metric", " "), "model.metric", "NDCG@10");
    assertKey(params("positions", "left"), "model.positions", "valid: end, start");
    assertKey(params("init", "he"), "model.init", "valid: xavier, normal");
    assertKey(params("ceExcludesHistory", true), "model.ceExcludesHistory", "only to loss ce");
    assertKey(params("loss", "sampled-softmax", "scoreBias", true), "model.scoreBias", "only to the binary losses");
    assertKey(params("loss", "ce", "scoreBias", false), "model.scoreBias", "loss is ce");
    assertThatThrownBy(() -> JSON.readValue("{\"hiddenSise\":64}", SasRecPreset.Params.class))
        .hasMessageContaining("hiddenSise");
    // Training checks the same keys (a run need not have expanded first).
    assertThatThrownBy(() -> SasRecNetworks.preset().trainer(params("loss", "gbce", "gbceT", 1.5)))
        .isInstanceOf(ConfigException.class)
        .satisfies(e -> assertThat(((ConfigException) e).key()).isEqualTo("model.gbceT"));
    assertThatThrownBy(() -> SasRecNetworks.preset().trainer(params("beta1", -0.1)))
        .isInstanceOf(ConfigException.class)
        .satisfies(e -> assertThat(((ConfigException) e).key()).isEqualTo("model.beta1"));
  }

  @Test
  void gbceBetaFollowsThePaper() {
    // t = 0 is plain BCE (beta 1); t = 1 gives beta = alpha, the sampling rate.
    assertThat(gbce(0.0).beta()).isEqualTo(1.0);
    assertThat(gbce(1.0).beta()).isCloseTo(256.0 / 3416, within(1e-12));
    double alpha = 256.0 / 3416;
    assertThat(gbce(0.75).beta()).isCloseTo(alpha * (0.75 * (1 - 1 / alpha) + 1 / alpha), within(1e-12));
    assertThat(gbce(0.75).norm()).as("averaged over the target and its negatives").isEqualTo(1.0 / 257);
    assertThat(gbce(0.75).negatives()).isEqualTo(256);
  }

  /** The loss a gbce SASRec with 256 negatives over 3417 items trains with. */
  private static BinaryCrossEntropy gbce(double t) {
    return (BinaryCrossEntropy) SasRecNetworks.architecture(params("loss", "gbce", "negatives", 256, "gbceT", t,
        "hiddenSize", 2, "maxLen", 2), 3417).loss();
  }

  @Test
  void theScoreBiasIsOnWhereABinaryLossHasManyNegatives() {
    assertThat(lossOf(params()).path("scoreBias").asBoolean()).as("the paper's bce, one negative").isFalse();
    assertThat(SasRecNetworks.architecture(params(), 10).scoreBias()).isFalse();
    assertThat(lossOf(params("negatives", 4)).path("scoreBias").asBoolean()).isTrue();
    assertThat(SasRecNetworks.architecture(params("negatives", 4), 10).scoreBias()).isTrue();
    assertThat(lossOf(params("loss", "gbce")).path("scoreBias").asBoolean()).isTrue();
    assertThat(SasRecNetworks.architecture(params("loss", "gbce", "scoreBias", false), 10).scoreBias()).isFalse();
    assertThat(lossOf(params("loss", "ce")).has("scoreBias")).isFalse();
    assertThat(SasRecNetworks.architecture(params("loss", "ce"), 10).scoreBias()).isFalse();
    assertThat(lossOf(params("loss", "sampled-softmax")).has("scoreBias")).isFalse();
    assertThat(SasRecNetworks.architecture(params("loss", "sampled-softmax"), 10).scoreBias()).isFalse();
    // Its default follows the negatives, also when the keys are changed afterwards.
    assertThat(lossOf(with(params(), "negatives", 8)).path("scoreBias").asBoolean()).isTrue();
    assertThat(lossOf(with(params("loss", "gbce"), "loss", "ce")).has("scoreBias")).isFalse();
  }

  @Test
  void theScoreBiasStartsWhereEqualScoresMinimiseTheLoss() {
    // argmin_b beta softplus(-b) + k softplus(b): k sigmoid(b) = beta sigmoid(-b), so e^b = beta / k.
    assertThat(BinaryCrossEntropy.bce(1).initialBias()).isZero();
    assertThat(BinaryCrossEntropy.bce(16).initialBias()).isCloseTo(-Math.log(16), within(1e-12));
    double b = new BinaryCrossEntropy("gbce", 256, 0.3, 1.0 / 257).initialBias();
    double slope = -0.3 / (1 + Math.exp(b)) + 256 / (1 + Math.exp(-b));
    assertThat(slope).as("the loss's derivative at the start").isCloseTo(0, within(1e-9));
    // A fresh gbce SASRec's bias starts there (as a float).
    Architecture a = SasRecNetworks.architecture(params("loss", "gbce", "negatives", 256, "hiddenSize", 2,
        "maxLen", 2), 3416);
    double alpha = 256.0 / 3415;
    double beta = alpha * (0.75 * (1 - 1 / alpha) + 1 / alpha);
    try (ParameterSet w = a.layout().allocate()) {
      a.layout().initialise(w, 1);
      assertThat(w.names()).last().isEqualTo(Architecture.SCORE_BIAS);
      assertThat(w.value(Architecture.SCORE_BIAS).get(0)).isEqualTo((float) Math.log(beta / 256));
    }
    assertThatThrownBy(() -> new SampledSoftmax(5).initialBias()).isInstanceOf(UnsupportedOperationException.class);
  }

  private static void assertKey(SasRecPreset.Params p, String key, String text) {
    assertThatThrownBy(() -> SasRecNetworks.preset().expand(p)).isInstanceOf(ConfigException.class)
        .hasMessageContaining(text)
        .satisfies(e -> assertThat(((ConfigException) e).key()).as("key of: %s", e.getMessage()).isEqualTo(key));
  }
}
