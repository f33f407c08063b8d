package org.recsys.baselines.markov;

import com.google.inject.AbstractModule;
import com.google.inject.TypeLiteral;
import com.google.inject.multibindings.MapBinder;
import org.recsys.api.ModelFactory;

/** Registers the first-order Markov baseline under {@code markov}. */
public final class MarkovModule extends AbstractModule {
  @Override
  protected void configure() {
    MapBinder.newMapBinder(binder(), new TypeLiteral<String>() {}, new TypeLiteral<ModelFactory<?>>() {})
        .addBinding(MarkovModel.TYPE).to(MarkovFactory.class);
  }
}
