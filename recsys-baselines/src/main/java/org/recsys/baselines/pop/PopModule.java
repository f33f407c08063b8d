package org.recsys.baselines.pop;

import com.google.inject.AbstractModule;
import com.google.inject.TypeLiteral;
import com.google.inject.multibindings.MapBinder;
import org.recsys.api.ModelFactory;

/** Registers the popularity baseline under {@code pop}. */
public final class PopModule extends AbstractModule {
  @Override
  protected void configure() {
    MapBinder.newMapBinder(binder(), new TypeLiteral<String>() {}, new TypeLiteral<ModelFactory<?>>() {})
        .addBinding(PopModel.TYPE).to(PopFactory.class);
  }
}
