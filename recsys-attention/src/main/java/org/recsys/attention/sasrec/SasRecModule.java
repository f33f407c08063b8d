package org.recsys.attention.sasrec;

import com.google.inject.AbstractModule;
import com.google.inject.TypeLiteral;
import com.google.inject.multibindings.MapBinder;
import org.recsys.api.ModelFactory;

/** Registers {@link SasRecFactory} under {@code sasrec}. Discovered by {@link java.util.ServiceLoader}. */
public final class SasRecModule extends AbstractModule {
  @Override
  protected void configure() {
    MapBinder.newMapBinder(binder(), new TypeLiteral<String>() {}, new TypeLiteral<ModelFactory<?>>() {})
        .addBinding(SasRecModel.TYPE).to(SasRecFactory.class);
  }
}
