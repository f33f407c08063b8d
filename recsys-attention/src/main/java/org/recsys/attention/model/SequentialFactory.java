package org.recsys.attention.model;

import com.google.inject.Inject;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import org.recsys.api.ModelExpansion;
import org.recsys.api.ModelFactory;
import org.recsys.api.TrainedModel;
import org.recsys.api.Trainer;
import org.recsys.attention.spec.Components;
import org.recsys.attention.spec.SequentialSpec;

/**
 * Builds trainers for composed sequential models and loads them; registered as {@code type: sequential}. The
 * components of a spec are looked up in the registered {@link Components}.
 */
public final class SequentialFactory implements ModelFactory<SequentialSpec> {
  private final Components components;

  @Inject
  public SequentialFactory(Components components) {
    this.components = components;
  }

  /** A factory over the components of every Guice module on the class path (for use without the CLI). */
  public static SequentialFactory discover() {
    return new SequentialFactory(Components.discover(SequentialFactory.class.getClassLoader()));
  }

  public Components components() {
    return components;
  }

  @Override
  public Class<SequentialSpec> parametersType() {
    return SequentialSpec.class;
  }

  @Override
  public Trainer trainer(SequentialSpec spec) {
    return new SequentialTrainer(components.resolve(orDefaults(spec)));
  }

  /** The spec with every component's defaults written out. */
  @Override
  public Optional<ModelExpansion> expand(SequentialSpec spec) {
    SequentialSpec canonical = components.resolve(orDefaults(spec)).spec();
    return Optional.of(new ModelExpansion(ComposedModel.TYPE, canonical, canonical.name()));
  }

  private static SequentialSpec orDefaults(SequentialSpec spec) {
    return spec == null ? new SequentialSpec(null, null, null, null, null, null, null, null) : spec;
  }

  @Override
  public TrainedModel load(Path dir) throws IOException {
    return ComposedModel.load(dir, components);
  }
}
