package org.recsys.baselines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.Module;
import com.google.inject.TypeLiteral;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.recsys.api.ConfigException;
import org.recsys.api.ModelFactory;
import org.recsys.api.TrainedModel;
import org.recsys.api.TrainingContext;
import org.recsys.api.TrainingData;
import org.recsys.baselines.markov.MarkovFactory;
import org.recsys.baselines.markov.MarkovParams;
import org.recsys.baselines.pop.PopFactory;
import org.recsys.baselines.pop.PopParams;
import org.recsys.baselines.tribuo.TribuoFactory;
import org.recsys.baselines.tribuo.TribuoParams;

class ParamsAndWiringTest {
  /** Binds config sections as the runner does: Jackson, failing on unknown keys. */
  private static final ObjectMapper RUNNER = new ObjectMapper()
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "pop    | {\"smoothing\": 1}",
      "markov | {\"smothing\": 1}",
      "tribuo | {\"epoch\": 3}"})
  void anUnknownKeyFailsNamingIt(String type, String json) {
    Class<?> params = factories().get(type).parametersType();
    String key = json.substring(json.indexOf('"') + 1, json.indexOf('"', json.indexOf('"') + 1));
    assertThatThrownBy(() -> RUNNER.readValue(json, params)).isInstanceOf(UnrecognizedPropertyException.class)
        .hasMessageContaining("\"" + key + "\"");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "markov | {\"smoothing\": -1}                               | model.smoothing",
      "markov | {\"popularityWeight\": 1.5}                       | model.popularityWeight",
      "tribuo | {\"trainer\": \"svm\"}                            | model.trainer",
      "tribuo | {\"optimiser\": \"lbfgs\"}                        | model.optimiser",
      "tribuo | {\"learningRate\": 0}                             | model.learningRate",
      "tribuo | {\"l2\": 0.1}                                     | model.l2",
      "tribuo | {\"l2\": -1, \"optimiser\": \"adagrad-rda\"}      | model.l2",
      "tribuo | {\"epochs\": 0}                                   | model.epochs",
      "tribuo | {\"minibatchSize\": 0}                            | model.minibatchSize",
      "tribuo | {\"lastItems\": 0}                                | model.lastItems",
      "tribuo | {\"bagSize\": -1}                                 | model.bagSize",
      "tribuo | {\"bagDecay\": 0}                                 | model.bagDecay",
      "tribuo | {\"maxExamplesPerUser\": -5}                      | model.maxExamplesPerUser",
      "tribuo | {\"examplePositions\": \"oldest\"}                | model.examplePositions",
      "tribuo | {\"factors\": 0}                                  | model.factors"})
  void aBadValueFailsWithAConfigExceptionNamingTheKey(String type, String json, String key) {
    Class<?> params = factories().get(type).parametersType();
    Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> RUNNER.readValue(json, params));
    Throwable cause = thrown;
    while (cause != null && !(cause instanceof ConfigException)) {
      cause = cause.getCause();
    }
    assertThat(cause).as("ConfigException in %s", thrown).isInstanceOf(ConfigException.class);
    assertThat(((ConfigException) cause).key()).isEqualTo(key);
    assertThat(cause.getMessage()).contains(key.substring("model.".length()));
  }

  @Test
  void invalidChoicesListTheValidOnes() {
    assertThatThrownBy(() -> new TribuoParams("svm", null, null, null, null, null, null, null, null, null, null, null))
        .isInstanceOf(ConfigException.class).hasMessageContaining("valid: logistic, fm");
  }

  @Test
  void omittedKeysTakeDefaults() throws IOException {
    assertThat(RUNNER.readValue("{}", MarkovParams.class)).isEqualTo(MarkovParams.defaults());
    assertThat(RUNNER.readValue("{}", TribuoParams.class)).isEqualTo(TribuoParams.defaults());
    assertThat(RUNNER.readValue("{}", PopParams.class)).isEqualTo(new PopParams());
    assertThat(RUNNER.readValue("{\"trainer\": \"FM\"}", TribuoParams.class).trainer()).isEqualTo("fm");
  }

  @Test
  void serviceLoadedModulesRegisterTheThreeFactories() {
    Map<String, ModelFactory<?>> f = factories();
    assertThat(f).containsOnlyKeys("pop", "markov", "tribuo");
    assertThat(f.get("pop")).isInstanceOf(PopFactory.class);
    assertThat(f.get("markov")).isInstanceOf(MarkovFactory.class);
    assertThat(f.get("tribuo")).isInstanceOf(TribuoFactory.class);
  }

  @ParameterizedTest
  @CsvSource({"pop, {}", "markov, '{\"smoothing\": 0.5}'", "tribuo, '{\"epochs\": 1}'"})
  void factoriesTrainSaveAndLoadThroughTheSpi(String type, String json, @TempDir Path dir) throws IOException {
    TrainedModel model = trainThroughSpi(factories().get(type), json);
    assertThat(model.type()).isEqualTo(type);
    model.save(dir);
    TrainedModel loaded = factories().get(type).load(dir);
    List<int[]> histories = List.of(new int[0], new int[] {1}, new int[] {1, 2}, new int[] {3, 2, 4});
    assertThat(loaded.scoreAll(histories)).isDeepEqualTo(model.scoreAll(histories));
    assertThat(loaded.vocabulary()).isEqualTo(model.vocabulary());
  }

  private static <P> TrainedModel trainThroughSpi(ModelFactory<P> factory, String json) throws IOException {
    P params = RUNNER.readValue(json, factory.parametersType());
    return factory.trainer(params).train(new TrainingData(HandData.train(), List.of()), TrainingContext.ofSeed(3));
  }

  private static Map<String, ModelFactory<?>> factories() {
    List<Module> modules = new ArrayList<>();
    ServiceLoader.load(Module.class).forEach(modules::add);
    Injector injector = Guice.createInjector(modules);
    return injector.getInstance(Key.get(new TypeLiteral<Map<String, ModelFactory<?>>>() {}));
  }
}
