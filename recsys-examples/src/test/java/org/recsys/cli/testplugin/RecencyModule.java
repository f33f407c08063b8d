package org.recsys.cli.testplugin;

import com.google.inject.AbstractModule;
import com.google.inject.TypeLiteral;
import com.google.inject.multibindings.MapBinder;
import org.recsys.api.ModelFactory;

/** Registers the test-only component under {@code test-recency}. */
public final class RecencyModule extends AbstractModule {
  @Override
  protected void configure() {
    MapBinder.newMapBinder(binder(), new TypeLiteral<String>() {}, new TypeLiteral<ModelFactory<?>>() {})
        .addBinding("test-recency").to(RecencyModelFactory.class);
  }
}
