package org.recsys.cli.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.TypeLiteral;
import com.google.inject.multibindings.MapBinder;
import org.recsys.api.ModelFactory;

/** Declares the model map so that an empty class path still yields an (empty) registry. */
final class RegistryModule extends AbstractModule {
  @Override
  protected void configure() {
    MapBinder.newMapBinder(binder(), new TypeLiteral<String>() {}, new TypeLiteral<ModelFactory<?>>() {});
  }
}
