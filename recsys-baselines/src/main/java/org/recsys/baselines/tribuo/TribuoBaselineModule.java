package org.recsys.baselines.tribuo;

import com.google.inject.AbstractModule;
import com.google.inject.TypeLiteral;
import com.google.inject.multibindings.MapBinder;
import org.recsys.api.ModelFactory;

/** Registers the Tribuo baseline under {@code tribuo}. */
public final class TribuoBaselineModule extends AbstractModule {
  @Override
  protected void configure() {
    MapBinder.newMapBinder(binder(), new TypeLiteral<String>() {}, new TypeLiteral<ModelFactory<?>>() {})
        .addBinding(TribuoModel.TYPE).to(TribuoFactory.class);
  }
}
