package org.recsys.attention.components;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.Module;
import com.google.inject.TypeLiteral;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.recsys.api.ModelFactory;
import org.recsys.attention.model.SequentialFactory;
import org.recsys.attention.preset.LstmAttentionPreset;
import org.recsys.attention.preset.SasRecPreset;
import org.recsys.attention.spec.Components;
import org.recsys.attention.spec.SequentialSpec;

/** The Guice module of composed sequential models, as the CLI finds it. */
class SequentialModuleTest {
  @Test
  void isDiscoveredAndBindsTheSasrecAndSequentialFactoriesAndTheBuiltInComponents() {
    List<Module> modules = ServiceLoader.load(Module.class).stream().map(ServiceLoader.Provider::get)
        .filter(m -> m instanceof SequentialModule).map(m -> (Module) m).toList();
    assertThat(modules).hasSize(1);
    Injector injector = Guice.createInjector(modules);
    Map<String, ModelFactory<?>> factories = injector.getInstance(
        Key.get(new TypeLiteral<Map<String, ModelFactory<?>>>() {}));
    assertThat(factories).containsKeys("sasrec", "lstm-attention", "sequential");
    assertThat(factories.get("lstm-attention")).isInstanceOf(LstmAttentionPreset.class);
    assertThat(factories.get("lstm-attention").parametersType()).isEqualTo(LstmAttentionPreset.Params.class);
    assertThat(factories.get("sasrec")).isInstanceOf(SasRecPreset.class);
    assertThat(factories.get("sasrec").parametersType()).isEqualTo(SasRecPreset.Params.class);
    assertThat(factories.get("sequential")).isInstanceOf(SequentialFactory.class);
    assertThat(factories.get("sequential").parametersType()).isEqualTo(SequentialSpec.class);
    Map<String, List<String>> names = injector.getInstance(Components.class).names();
    assertThat(names.get("blocks")).contains("transformer", "lstm", "gru", "attention-pooling");
    assertThat(names.get("heads")).contains("dot");
    assertThat(names.get("losses")).contains("bce", "ce", "gbce", "sampled-softmax");
    assertThat(names.get("objectives")).contains("next-item", "last-item", "masked-item");
  }

  @Test
  void discoveryWithoutTheCliFindsTheSameComponents() {
    Components discovered = SequentialFactory.discover().components();
    Components bound = Guice.createInjector(new SequentialModule()).getInstance(Components.class);
    assertThat(discovered.names().get("losses")).containsAll(bound.names().get("losses"));
    assertThat(discovered.names().get("blocks")).containsAll(bound.names().get("blocks"));
  }
}
