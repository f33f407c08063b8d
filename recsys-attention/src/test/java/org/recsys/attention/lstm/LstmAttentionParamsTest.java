package org.recsys.attention.lstm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.recsys.api.ConfigException;
import org.recsys.attention.nn.NextItemLoss;

class LstmAttentionParamsTest {
  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  @Test
  void defaults() {
    LstmAttentionParams p = LstmAttentionParams.defaults();
    assertThat(p.maxLen()).isEqualTo(200);
    assertThat(p.embeddingSize()).isEqualTo(64);
    assertThat(p.hiddenSize()).isEqualTo(64);
    assertThat(p.layers()).isEqualTo(1);
    assertThat(p.attentionSize()).isEqualTo(32);
    assertThat(p.outputKind()).isEqualTo(OutputKind.TIED);
    assertThat(p.lossKind()).isEqualTo(NextItemLoss.CE);
    assertThat(p.negatives()).isZero();
    assertThat(p.dropout()).isEqualTo(0.2);
    assertThat(p.beta2()).isEqualTo(0.999);
    assertThat(p.metric()).isEqualTo("NDCG@10");
    assertThat(p.gbceT()).isNull();
  }

  @Test
  void bindsFromJsonWithOmittedKeysAndRoundTrips() throws Exception {
    LstmAttentionParams p = JSON.readValue(
        "{\"loss\":\"bce\",\"hiddenSize\":32,\"layers\":2,\"output\":\"dense\"}", LstmAttentionParams.class);
    assertThat(p.hiddenSize()).isEqualTo(32);
    assertThat(p.layers()).isEqualTo(2);
    assertThat(p.outputKind()).isEqualTo(OutputKind.DENSE);
    assertThat(p.negatives()).isEqualTo(1);
    assertThat(p.maxLen()).isEqualTo(200);
    assertThat(JSON.readValue(JSON.writeValueAsString(p), LstmAttentionParams.class)).isEqualTo(p);
    LstmAttentionParams ce = LstmAttentionParams.defaults();
    assertThat(JSON.readValue(JSON.writeValueAsString(ce), LstmAttentionParams.class)).isEqualTo(ce);
    LstmAttentionParams gbce = LstmAttentionParams.builder().loss("gbce").build();
    assertThat(gbce.negatives()).isEqualTo(256);
    assertThat(gbce.gbceT()).isEqualTo(0.75);
    assertThat(gbce.toBuilder().build()).isEqualTo(gbce);
  }

  @Test
  void badValuesNameTheirKey() {
    assertKey(() -> LstmAttentionParams.builder().loss("hinge").build(), "model.loss",
        "bce, ce, sampled-softmax, gbce");
    assertKey(() -> LstmAttentionParams.builder().output("softmax").build(), "model.output", "tied, dense");
    assertKey(() -> LstmAttentionParams.builder().hiddenSize(-3).build(), "model.hiddenSize", "got -3");
    assertKey(() -> LstmAttentionParams.builder().embeddingSize(0).build(), "model.embeddingSize", "> 0");
    assertKey(() -> LstmAttentionParams.builder().layers(0).build(), "model.layers", "> 0");
    assertKey(() -> LstmAttentionParams.builder().attentionSize(0).build(), "model.attentionSize", "> 0");
    assertKey(() -> LstmAttentionParams.builder().maxLen(0).build(), "model.maxLen", "> 0");
    assertKey(() -> LstmAttentionParams.builder().dropout(1.0).build(), "model.dropout", "[0, 1)");
    assertKey(() -> LstmAttentionParams.builder().beta1(-0.1).build(), "model.beta1", "[0, 1)");
    assertKey(() -> LstmAttentionParams.builder().learningRate(0).build(), "model.learningRate", "> 0");
    assertKey(() -> LstmAttentionParams.builder().negatives(5).build(), "model.negatives", "takes no negatives");
    assertKey(() -> LstmAttentionParams.builder().loss("bce").negatives(0).build(), "model.negatives", ">= 1");
    assertKey(() -> LstmAttentionParams.builder().gbceT(0.5).build(), "model.gbceT", "only to loss gbce");
    assertKey(() -> LstmAttentionParams.builder().loss("gbce").gbceT(1.5).build(), "model.gbceT", "[0, 1]");
    assertKey(() -> LstmAttentionParams.builder().l2Embedding(-1).build(), "model.l2Embedding", ">= 0");
    assertKey(() -> LstmAttentionParams.builder().validateEvery(0).build(), "model.validateEvery", "> 0");
    assertKey(() -> LstmAttentionParams.builder().threads(-1).build(), "model.threads", ">= 0");
    assertKey(() -> LstmAttentionParams.builder().metric(" ").build(), "model.metric", "NDCG@10");
    assertThatThrownBy(() -> JSON.readValue("{\"hiddenSise\":64}", LstmAttentionParams.class))
        .hasMessageContaining("hiddenSise");
  }

  private static void assertKey(Runnable r, String key, String text) {
    assertThatThrownBy(r::run).isInstanceOf(ConfigException.class).hasMessageContaining(text)
        .satisfies(e -> assertThat(((ConfigException) e).key()).isEqualTo(key));
  }
}
