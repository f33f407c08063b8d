package org.recsys.attention.dl4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.recsys.api.ConfigException;
import org.recsys.api.ModelExpansion;
import org.recsys.attention.preset.LstmAttentionPreset;
import org.recsys.attention.sasrec.SasRecNetworks;
import org.recsys.attention.spec.Backend;
import org.recsys.attention.spec.SequentialSpec;

/**
 * {@code model.backend}: {@code native} by default, validated, kept in the canonical spec that runs record; on
 * {@code dl4j}, a component without a SameDiff graph fails when the spec is resolved, naming the component and the key.
 */
class BackendConfigTest {
  @Test
  void defaultsToNativeAndIsWrittenOutInTheCanonicalSpec() {
    assertThat(ParityCases.spec("{}").backend()).isEqualTo("native");
    ModelExpansion expanded = ParityCases.FACTORY.expand(ParityCases.spec("{'backend': 'dl4j'}")).orElseThrow();
    SequentialSpec canonical = (SequentialSpec) expanded.parameters();
    assertThat(canonical.backend()).isEqualTo("dl4j");
    assertThat(canonical.backendKind()).isEqualTo(Backend.DL4J);
    SequentialSpec sasrec = SasRecNetworks.blueprint(SasRecNetworks.params("backend", "dl4j")).spec();
    assertThat(sasrec.backend()).as("the preset's flat key").isEqualTo("dl4j");
  }

  @Test
  void anUnknownBackendIsAnErrorNamingTheKey() {
    assertThatThrownBy(() -> new SequentialSpec(null, "cuda", null, null, null, null, null, null))
        .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.key()).isEqualTo("backend"))
        .hasMessageContaining("'cuda'").hasMessageContaining("native, dl4j");
    assertThatThrownBy(() -> SasRecNetworks.blueprint(SasRecNetworks.params("backend", "DL4J")))
        .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.key()).isEqualTo("model.backend"));
  }

  @Test
  void aBlockWithoutAGraphOnDl4jFailsNamingTheBlockAndTheKey() {
    // A third party's native-only block (test code) has no graph.
    String spec = "{'backend': 'dl4j', 'encoder': {'embedding': {'positions': 'none'}, 'blocks': [{'type':"
        + " 'lstm'}, {'type': 'test-scale'}]}}";
    assertThatThrownBy(() -> ParityCases.blueprint(spec))
        .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.key()).isEqualTo("model.backend"))
        .hasMessageContaining("model.encoder.blocks[1] (type test-scale)").hasMessageContaining("model.backend: dl4j")
        .hasMessageContaining("model.backend: native");
    // The recurrent presets have graphs.
    LstmAttentionPreset lstm = new LstmAttentionPreset(ParityCases.FACTORY);
    assertThat(lstm.resolve(new LstmAttentionPreset.Params(null, null, null, null, null, null, null, null, null,
        null, null, null, null, null, null, null, null, null, null, null, null, null, "dl4j")).spec().backend())
        .isEqualTo("dl4j");
  }

  @Test
  void aLossOrHeadWithoutAGraphFailsNamingIt() {
    assertThatThrownBy(() -> ParityCases.blueprint("{'backend': 'dl4j', 'loss': {'type': 'test-bpr'}}"))
        .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.key()).isEqualTo("model.backend"))
        .hasMessageContaining("model.loss (type test-bpr)");
    assertThatThrownBy(() -> ParityCases.blueprint("{'backend': 'dl4j', 'loss': {'type': 'ce', 'excludeHistory':"
        + " true}}")).isInstanceOf(ConfigException.class).hasMessageContaining("model.loss.excludeHistory");
    assertThatThrownBy(() -> ParityCases.blueprint("{'backend': 'dl4j', 'head': {'type': 'test-temperature'}}"))
        .isInstanceOf(ConfigException.class).hasMessageContaining("model.head (type test-temperature)");
    // The same specs build on the native backend.
    assertThat(ParityCases.blueprint("{'loss': {'type': 'test-bpr'}}").spec().backend()).isEqualTo("native");
  }
}
