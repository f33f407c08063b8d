package org.recsys.attention.lstm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.recsys.attention.lstm.LstmAttentionNetworks.params;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.recsys.api.ConfigException;
import org.recsys.api.ModelExpansion;
import org.recsys.attention.head.DotHead;
import org.recsys.attention.layer.AttentionPooling;
import org.recsys.attention.layer.Lstm;
import org.recsys.attention.layer.Positions;
import org.recsys.attention.loss.BinaryCrossEntropy;
import org.recsys.attention.loss.SoftmaxCrossEntropy;
import org.recsys.attention.model.Architecture;
import org.recsys.attention.model.ComposedModel;
import org.recsys.attention.nn.ParameterSet;
import org.recsys.attention.preset.LstmAttentionPreset;
import org.recsys.attention.spec.SequentialSpec;

/**
 * The {@code lstm-attention} preset: its flat keys, their defaults, the errors naming them, and the spec they
 * expand to.
 */
class LstmAttentionPresetTest {
  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  /** The expansion of a config that gives no key, every default written out. */
  private static final String DEFAULT_SPEC = """
      {"name": "lstm-attention", "backend": "native", "maxLen": 200,
       "encoder": {
         "embedding": {"hiddenSize": 64, "positions": "none", "positionOrigin": "end", "scale": false,
                       "dropout": 0.2, "norm": false},
         "blocks": [{"type": "lstm", "hiddenSize": 64, "inputDropout": 0.0},
                    {"type": "attention-pooling", "attentionSize": 32, "outputSize": 64, "dropout": 0.2}],
         "repeat": 1, "finalNorm": false, "eps": 1.0E-8, "init": "scaled"},
       "head": {"type": "dot", "tied": true, "bias": false},
       "loss": {"type": "ce", "excludeHistory": false},
       "objective": {"type": "next-item"},
       "training": {"learningRate": 0.001, "beta1": 0.9, "beta2": 0.999, "l2Embedding": 0.0, "batchSize": 128,
                    "epochs": 200, "validateEvery": 5, "patience": 5, "metric": "NDCG@10", "threads": 0}}
      """;

  private static SequentialSpec spec(LstmAttentionPreset.Params p) {
    return (SequentialSpec) LstmAttentionNetworks.preset().expand(p).orElseThrow().parameters();
  }

  @Test
  void defaults() {
    SequentialSpec s = spec(params());
    assertThat(s.name()).isEqualTo("lstm-attention");
    assertThat(s.maxLen()).isEqualTo(200);
    assertThat(s.encoder().embedding().hiddenSize()).as("embeddingSize").isEqualTo(64);
    assertThat(s.encoder().embedding().positions()).isEqualTo("none");
    assertThat(s.encoder().embedding().scale()).isFalse();
    assertThat(s.encoder().embedding().dropout()).isEqualTo(0.2);
    assertThat(s.encoder().init()).isEqualTo("scaled");
    assertThat(s.encoder().finalNorm()).isFalse();
    assertThat(s.encoder().expandedBlocks()).extracting(b -> b.path("type").asText())
        .containsExactly("lstm", "attention-pooling");
    JsonNode lstm = s.encoder().expandedBlocks().get(0);
    assertThat(lstm.path("hiddenSize").asInt()).isEqualTo(64);
    JsonNode pooling = s.encoder().expandedBlocks().get(1);
    assertThat(pooling.path("attentionSize").asInt()).isEqualTo(32);
    assertThat(pooling.path("dropout").asDouble()).isEqualTo(0.2);
    assertThat(s.head().path("tied").asBoolean()).as("output tied").isTrue();
    assertThat(s.loss().path("type").asText()).isEqualTo("ce");
    assertThat(s.loss().has("negatives")).isFalse();
    assertThat(s.loss().has("t")).as("gbce's t").isFalse();
    assertThat(s.training().beta2()).isEqualTo(0.999);
    assertThat(s.training().validateEvery()).isEqualTo(5);
    assertThat(s.training().metric()).isEqualTo("NDCG@10");
  }

  @Test
  void theExpansionIsTheSequentialSpecItStandsForAndTrainsAsIs() throws Exception {
    ModelExpansion x = LstmAttentionNetworks.preset().expand(params()).orElseThrow();
    assertThat(x.type()).isEqualTo(ComposedModel.TYPE);
    assertThat(x.name()).isEqualTo("lstm-attention");
    JsonNode tree = JSON.valueToTree(x.parameters());
    assertThat(tree).isEqualTo(JSON.readTree(DEFAULT_SPEC));
    // As config.resolved.yaml records it, under type: sequential, it expands to itself.
    SequentialSpec recorded = JSON.treeToValue(tree, SequentialSpec.class);
    ModelExpansion again = LstmAttentionNetworks.factory().expand(recorded).orElseThrow();
    assertThat(again.parameters()).isEqualTo(x.parameters());
    assertThat(again.name()).isEqualTo("lstm-attention");
    Architecture a = LstmAttentionNetworks.factory().components().resolve(recorded).architecture(20);
    Architecture b = LstmAttentionNetworks.architecture(params(), 20);
    assertThat(a.layout()).isEqualTo(b.layout());
    assertThat(a.describe()).isEqualTo(b.describe());
    try (ParameterSet wa = a.layout().allocate(); ParameterSet wb = b.layout().allocate()) {
      a.layout().initialise(wa, 7);
      b.layout().initialise(wb, 7);
      assertThat(wa.snapshot()).as("the same fresh weights from a seed").isDeepEqualTo(wb.snapshot());
    }
  }

  @Test
  void theKeysExpandToLayersOfTheseSizes() {
    LstmAttentionPreset.Params p = params("maxLen", 30, "embeddingSize", 16, "hiddenSize", 12, "layers", 2,
        "attentionSize", 6, "output", "dense", "dropout", 0.3, "loss", "bce", "learningRate", 0.01, "beta1", 0.8,
        "beta2", 0.99, "l2Embedding", 0.1, "batchSize", 32, "epochs", 7, "validateEvery", 2, "patience", 3,
        "metric", "HR@10", "threads", 2);
    SequentialSpec s = spec(p);
    assertThat(s.maxLen()).isEqualTo(30);
    assertThat(s.training()).isEqualTo(new org.recsys.attention.spec.TrainingSpec(0.01, 0.8, 0.99, 0.1, 32, 7, 2, 3,
        "HR@10", 2));
    assertThat(s.loss()).isEqualTo(JSON.createObjectNode().put("type", "bce").put("negatives", 1)
        .put("scoreBias", false));
    Architecture a = LstmAttentionNetworks.architecture(p, 20);
    assertThat(a.maxLen()).isEqualTo(30);
    assertThat(a.encoder().embedding().positions()).isEqualTo(Positions.NONE);
    assertThat(a.encoder().embedding().dropout()).isEqualTo(0.3);
    assertThat(a.encoder().finalNorm()).isEmpty();
    assertThat(a.encoder().blocks()).extracting(l -> l.name())
        .containsExactly("encoder.block0", "encoder.block1", "encoder.block2");
    // Dropout on the input of every layer above the first (the embedding's dropout is the first one's).
    assertThat(a.encoder().blocks().get(0)).isEqualTo(new Lstm("encoder.block0", 16, 12, 0.0));
    assertThat(a.encoder().blocks().get(1)).isEqualTo(new Lstm("encoder.block1", 12, 12, 0.3));
    assertThat(a.encoder().blocks().get(2)).isEqualTo(new AttentionPooling("encoder.block2", 12, 6, 16, 0.3));
    DotHead head = (DotHead) a.head();
    assertThat(head.tied()).isFalse();
    assertThat(head.bias()).as("dense: a separate table with a per-item bias").isTrue();
    assertThat(a.loss()).isEqualTo(BinaryCrossEntropy.bce(1));
    assertThat(a.layout().specs()).extracting(q -> q.name()).containsExactly("encoder.embedding.items",
        "encoder.block0.wx", "encoder.block0.wh", "encoder.block0.b", "encoder.block1.wx", "encoder.block1.wh",
        "encoder.block1.b", "encoder.block2.wq", "encoder.block2.bq", "encoder.block2.wk", "encoder.block2.v",
        "encoder.block2.combine.w", "encoder.block2.combine.b", "head.items", "head.bias");
    DotHead tied = (DotHead) LstmAttentionNetworks.architecture(params("output", "tied"), 20).head();
    assertThat(tied.tied()).isTrue();
    assertThat(tied.bias()).isFalse();
    assertThat(tied.table()).isEqualTo("encoder.embedding.items");
  }

  @Test
  void bindsFromJsonWithOmittedKeysAndRoundTrips() throws Exception {
    LstmAttentionPreset.Params p = JSON.readValue(
        "{\"loss\":\"bce\",\"hiddenSize\":32,\"layers\":2,\"output\":\"dense\"}", LstmAttentionPreset.Params.class);
    SequentialSpec s = spec(p);
    assertThat(s.encoder().expandedBlocks()).hasSize(3);
    assertThat(s.encoder().expandedBlocks().get(1).path("hiddenSize").asInt()).isEqualTo(32);
    assertThat(s.head().path("bias").asBoolean()).isTrue();
    assertThat(s.loss().path("negatives").asInt()).isEqualTo(1);
    assertThat(s.maxLen()).isEqualTo(200);
    assertThat(JSON.readValue(JSON.writeValueAsString(p), LstmAttentionPreset.Params.class)).isEqualTo(p);
    LstmAttentionPreset.Params ce = params();
    assertThat(JSON.readValue(JSON.writeValueAsString(ce), LstmAttentionPreset.Params.class)).isEqualTo(ce);
    assertThat(LstmAttentionNetworks.architecture(ce, 10).loss()).isEqualTo(new SoftmaxCrossEntropy(false));
    SequentialSpec gbce = spec(params("loss", "gbce"));
    assertThat(gbce.loss().path("negatives").asInt()).isEqualTo(256);
    assertThat(gbce.loss().path("t").asDouble()).isEqualTo(0.75);
  }

  @Test
  void badValuesNameTheirKey() {
    assertKey(params("loss", "hinge"), "model.loss", "bce, ce, sampled-softmax, gbce");
    assertKey(params("output", "softmax"), "model.output", "tied, dense");
    assertKey(params("hiddenSize", -3), "model.hiddenSize", "got -3");
    assertKey(params("embeddingSize", 0), "model.embeddingSize", "> 0");
    assertKey(params("layers", 0), "model.layers", "> 0");
    assertKey(params("attentionSize", 0), "model.attentionSize", "> 0");
    assertKey(params("maxLen", 0), "model.maxLen", "> 0");
    assertKey(params("dropout", 1.0), "model.dropout", "[0, 1)");
    assertKey(params("beta1", -0.1), "model.beta1", "[0, 1)");
    assertKey(params("learningRate", 0), "model.learningRate", "> 0");
    assertKey(params("negatives", 5), "model.negatives", "takes no negatives");
    assertKey(params("loss", "bce", "negatives", 0), "model.negatives", "> 0");
    assertKey(params("gbceT", 0.5), "model.gbceT", "only to loss gbce");
    assertKey(params("loss", "gbce", "gbceT", 1.5), "model.gbceT", "[0, 1]");
    assertKey(params("l2Embedding", -1), "model.l2Embedding", ">= 0");
    assertKey(params("validateEvery", 0), "model.validateEvery", "> 0");
    assertKey(params("threads", -1), "model.threads", ">= 0");
    assertKey(params("metric", " "), "model.metric", "NDCG@10");
    assertThatThrownBy(() -> JSON.readValue("{\"hiddenSise\":64}", LstmAttentionPreset.Params.class))
        .hasMessageContaining("hiddenSise");
    // Training checks the same keys (a run need not have expanded first).
    assertThatThrownBy(() -> LstmAttentionNetworks.preset().trainer(params("layers", 0)))
        .isInstanceOf(ConfigException.class)
        .satisfies(e -> assertThat(((ConfigException) e).key()).isEqualTo("model.layers"));
  }

  private static void assertKey(LstmAttentionPreset.Params p, String key, String text) {
    assertThatThrownBy(() -> LstmAttentionNetworks.preset().expand(p)).isInstanceOf(ConfigException.class)
        .hasMessageContaining(text)
        .satisfies(e -> assertThat(((ConfigException) e).key()).as("key of: %s", e.getMessage()).isEqualTo(key));
  }
}
