package org.recsys.cli.wiring;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Module;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/**
 * Finds the Guice modules of every component on the class path with {@link ServiceLoader}: a jar that lists
 * its module in {@code META-INF/services/com.google.inject.Module} adds its components without any change
 * here. The library modules' own plug-ins (evaluation protocols, metrics, data formats), which they list in
 * their own {@code META-INF/services} files without Guice, join the injector through {@link LibraryPluginsModule}.
 */
public final class ComponentModules {
  private ComponentModules() {}

  /** The modules found on the class path of {@code loader}. */
  public static List<Module> discover(ClassLoader loader) {
    List<Module> modules = new ArrayList<>();
    ServiceLoader.load(Module.class, loader).forEach(modules::add);
    modules.add(new RegistryModule());
    modules.add(new LibraryPluginsModule(loader));
    return modules;
  }

  /** An injector holding every discovered component. */
  public static Injector injector() {
    return Guice.createInjector(discover(Thread.currentThread().getContextClassLoader()));
  }
}
