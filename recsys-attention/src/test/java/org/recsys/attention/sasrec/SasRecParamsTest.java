package org.recsys.attention.sasrec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.recsys.api.ConfigException;
import org.recsys.attention.nn.NextItemLoss;

class SasRecParamsTest {
  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  @Test
  void defaultsAreThePapersMl1mSettings() {
    SasRecParams p = SasRecParams.defaults();
    assertThat(p.maxLen()).isEqualTo(200);
    assertThat(p.hiddenSize()).isEqualTo(50);
    assertThat(p.blocks()).isEqualTo(2);
    assertThat(p.heads()).isEqualTo(1);
    assertThat(p.dropout()).isEqualTo(0.2);
    assertThat(p.learningRate()).isEqualTo(0.001);
    assertThat(p.beta2()).isEqualTo(0.98);
    assertThat(p.batchSize()).isEqualTo(128);
    assertThat(p.epochs()).isEqualTo(200);
    assertThat(p.lossKind()).isEqualTo(NextItemLoss.BCE);
    assertThat(p.negatives()).isEqualTo(1);
    assertThat(p.metric()).isEqualTo("NDCG@10");
    assertThat(p.gbceT()).isNull();
    assertThat(p.positionOrigin()).isEqualTo(PositionOrigin.END);
    assertThat(p.initialisation()).isEqualTo(Initialisation.XAVIER);
  }

  @Test
  void bindsFromJsonWithOmittedKeysAndRoundTrips() throws Exception {
    SasRecParams p = JSON.readValue("{\"loss\":\"gbce\",\"hiddenSize\":64,\"heads\":2}", SasRecParams.class);
    assertThat(p.hiddenSize()).isEqualTo(64);
    assertThat(p.negatives()).isEqualTo(256);
    assertThat(p.gbceT()).isEqualTo(0.75);
    assertThat(p.maxLen()).isEqualTo(200);
    assertThat(JSON.readValue(JSON.writeValueAsString(p), SasRecParams.class)).isEqualTo(p);
    SasRecParams ce = SasRecParams.builder().loss("ce").positions("start").init("normal").ceExcludesHistory(true)
        .build();
    assertThat(ce.training().excludesHistory()).isTrue();
    assertThat(SasRecParams.builder().loss("ce").build().ceExcludesHistory()).isFalse();
    assertThat(SasRecParams.defaults().ceExcludesHistory()).isNull();
    assertThat(JSON.readValue(JSON.writeValueAsString(ce), SasRecParams.class)).isEqualTo(ce);
    assertThat(SasRecParams.builder().loss("sampled-softmax").build().negatives()).isEqualTo(100);
  }

  @Test
  void badValuesNameTheirKey() {
    assertKey(() -> SasRecParams.builder().loss("hinge").build(), "model.loss", "bce, ce, sampled-softmax, gbce");
    assertKey(() -> SasRecParams.builder().hiddenSize(50).heads(3).build(), "model.heads", "must divide");
    assertKey(() -> SasRecParams.builder().hiddenSize(-3).build(), "model.hiddenSize", "got -3");
    assertKey(() -> SasRecParams.builder().dropout(1.0).build(), "model.dropout", "[0, 1)");
    assertKey(() -> SasRecParams.builder().beta2(1.0).build(), "model.beta2", "[0, 1)");
    assertKey(() -> SasRecParams.builder().learningRate(0).build(), "model.learningRate", "> 0");
    assertKey(() -> SasRecParams.builder().loss("ce").negatives(5).build(), "model.negatives", "takes no negatives");
    assertKey(() -> SasRecParams.builder().negatives(0).build(), "model.negatives", ">= 1");
    assertKey(() -> SasRecParams.builder().gbceT(0.5).build(), "model.gbceT", "only to loss gbce");
    assertKey(() -> SasRecParams.builder().loss("gbce").gbceT(1.5).build(), "model.gbceT", "[0, 1]");
    assertKey(() -> SasRecParams.builder().patience(0).build(), "model.patience", "> 0");
    assertKey(() -> SasRecParams.builder().threads(-1).build(), "model.threads", ">= 0");
    assertKey(() -> SasRecParams.builder().metric(" ").build(), "model.metric", "NDCG@10");
    assertKey(() -> SasRecParams.builder().positions("left").build(), "model.positions", "valid: end, start");
    assertKey(() -> SasRecParams.builder().init("he").build(), "model.init", "valid: xavier, normal");
    assertKey(() -> SasRecParams.builder().ceExcludesHistory(true).build(), "model.ceExcludesHistory",
        "only to loss ce");
    assertKey(() -> SasRecParams.builder().loss("sampled-softmax").scoreBias(true).build(), "model.scoreBias",
        "only to the binary losses");
    assertKey(() -> SasRecParams.builder().loss("ce").scoreBias(false).build(), "model.scoreBias", "loss is ce");
    assertThatThrownBy(() -> JSON.readValue("{\"hiddenSise\":64}", SasRecParams.class))
        .hasMessageContaining("hiddenSise");
  }

  @Test
  void gbceBetaFollowsThePaper() {
    // t = 0 is plain BCE (beta 1); t = 1 gives beta = alpha, the sampling rate.
    assertThat(NextItemLoss.gbceBeta(256, 3417, 0.0)).isEqualTo(1.0);
    assertThat(NextItemLoss.gbceBeta(256, 3417, 1.0)).isCloseTo(256.0 / 3416,
        org.assertj.core.api.Assertions.within(1e-12));
    double alpha = 256.0 / 3416;
    assertThat(NextItemLoss.gbceBeta(256, 3417, 0.75)).isCloseTo(alpha * (0.75 * (1 - 1 / alpha) + 1 / alpha),
        org.assertj.core.api.Assertions.within(1e-12));
  }

  @Test
  void theScoreBiasIsOnWhereABinaryLossHasManyNegatives() {
    assertThat(SasRecParams.defaults().scoreBias()).as("the paper's bce, one negative").isFalse();
    assertThat(SasRecParams.builder().negatives(4).build().scoreBias()).isTrue();
    assertThat(SasRecParams.builder().loss("gbce").build().scoreBias()).isTrue();
    assertThat(SasRecParams.builder().loss("gbce").scoreBias(false).build().training().hasScoreBias()).isFalse();
    assertThat(SasRecParams.builder().loss("ce").build().scoreBias()).isNull();
    assertThat(SasRecParams.builder().loss("sampled-softmax").build().scoreBias()).isNull();
    // Its default follows the negatives, also when a resolved config is changed.
    assertThat(SasRecParams.defaults().toBuilder().negatives(8).build().scoreBias()).isTrue();
    assertThat(SasRecParams.builder().loss("gbce").build().toBuilder().loss("ce").build().scoreBias()).isNull();
  }

  @Test
  void theScoreBiasStartsWhereEqualScoresMinimiseTheLoss() {
    // argmin_b beta softplus(-b) + k softplus(b): k sigmoid(b) = beta sigmoid(-b), so e^b = beta / k.
    assertThat(NextItemLoss.baseRateLogit(1, 1)).isZero();
    assertThat(NextItemLoss.baseRateLogit(1, 16)).isCloseTo(-Math.log(16), within(1e-12));
    double b = NextItemLoss.baseRateLogit(0.3, 256);
    double slope = -0.3 / (1 + Math.exp(b)) + 256 / (1 + Math.exp(-b));
    assertThat(slope).as("the loss's derivative at the start").isCloseTo(0, within(1e-9));
    SasRecParams gbce = SasRecParams.builder().loss("gbce").negatives(256).build();
    assertThat(gbce.training().initialScoreBias(3416))
        .isCloseTo(Math.log(NextItemLoss.gbceBeta(256, 3416, 0.75) / 256), within(1e-12));
    assertThatThrownBy(() -> SasRecParams.builder().loss("ce").build().training().initialScoreBias(10))
        .isInstanceOf(IllegalStateException.class);
  }

  private static void assertKey(Runnable r, String key, String text) {
    assertThatThrownBy(r::run).isInstanceOf(ConfigException.class).hasMessageContaining(text)
        .satisfies(e -> assertThat(((ConfigException) e).key()).isEqualTo(key));
  }
}
