package org.recsys.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import org.junit.jupiter.api.Test;
import org.recsys.api.ConfigException;
import org.recsys.data.io.DataFormat;
import org.recsys.data.preprocess.PreprocessOptions;
import org.recsys.data.synthetic.SyntheticConfig;

class DataConfigTest {
  private final ObjectMapper json = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  @Test
  void bindsFromJsonWithDefaultsForOmittedFields() throws Exception {
    DataConfig c = json.readValue("""
        {"path": "r.csv", "columns": {"user": "userId", "item": "movieId"}, "delimiter": ";",
         "preprocess": {"ratingThreshold": 4, "itemCore": 5},
         "split": {"type": "temporal", "quantile": 0.8}}""", DataConfig.class);
    assertThat(c.resolvedFormat()).isEqualTo(DataFormat.CSV);
    assertThat(c.columns().user()).isEqualTo("userId");
    assertThat(c.columns().timestamp()).isNull();
    assertThat(c.delimiterChar()).isEqualTo(';');
    assertThat(c.lenient()).isFalse();
    assertThat(c.preprocess().ratingThreshold()).isEqualTo(4.0);
    assertThat(c.preprocess().userCore()).isZero();
    assertThat(c.preprocess().dedupe()).isEqualTo("none");
    assertThat(c.split().validationFraction()).isEqualTo(0.1);
    assertThat(c.split().targets()).isEqualTo("next");
    DataConfig empty = json.readValue("{}", DataConfig.class);
    assertThat(empty.usesSynthetic()).isTrue();
    assertThat(empty.synthetic()).isEqualTo(SyntheticConfig.defaults());
    DataConfig synth = json.readValue("{\"synthetic\": {\"users\": 50, \"seed\": 3}}", DataConfig.class);
    assertThat(synth.synthetic().users()).isEqualTo(50);
    assertThat(synth.synthetic().items()).isEqualTo(500);
  }

  @Test
  void serialisesBackToTheSameConfig() throws Exception {
    DataConfig c = json.readValue("{\"path\": \"x.inter\", \"preprocess\": {\"userCore\": 5}}", DataConfig.class);
    assertThat(json.readValue(json.writeValueAsString(c), DataConfig.class)).isEqualTo(c);
  }

  @Test
  void badValuesNameTheKey() {
    assertThatThrownBy(() -> json.readValue("{\"path\": \"a.csv\", \"format\": \"xls\"}", DataConfig.class))
        .isInstanceOf(ValueInstantiationException.class)
        .cause().isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.key()).isEqualTo("data.format"));
    assertThatThrownBy(() -> json.readValue("{\"split\": {\"shortUsers\": \"keep\"}}", DataConfig.class))
        .cause().isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.key())
            .isEqualTo("data.split.shortUsers"));
    assertThatThrownBy(() -> json.readValue("{\"preprocess\": {\"kcore\": 5}}", DataConfig.class))
        .isInstanceOf(UnrecognizedPropertyException.class).hasMessageContaining("kcore");
    assertThatThrownBy(() -> new DataConfig("data.bin", null, null, null, null, null, null, null, null))
        .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.key()).isEqualTo("data.format"));
    assertThatThrownBy(() -> new DataConfig("a.csv", null, null, "::", null, null, null, null, null))
        .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.key()).isEqualTo("data.delimiter"));
  }

  @Test
  void preprocessingWithoutADataFileIsAnErrorNotIgnored() {
    assertThatThrownBy(() -> json.readValue("{\"preprocess\": {\"userCore\": 5}}", DataConfig.class))
        .cause().isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.key()).isEqualTo("data.preprocess"))
        .hasMessageContaining("no data.path");
    assertThat(DataConfig.synthetic(SyntheticConfig.tiny()).withPreprocess(PreprocessOptions.none()).usesSynthetic())
        .isTrue();
  }
}
