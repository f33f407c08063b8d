package org.recsys.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class RegistryTest {
  /** A plug-in kind that only this test registers (see the test's META-INF/services). */
  public interface Greeting extends Supplier<String> {}

  /** Registered in the test's META-INF/services. */
  public static final class Hello implements Greeting {
    @Override
    public String get() {
      return "Hello";
    }
  }

  /** Registered in the test's META-INF/services, after {@link Hello}. */
  public static final class Salut implements Greeting {
    @Override
    public String get() {
      return "salut";
    }
  }

  @Test
  void findsPluginsListedInMetaInfServicesInTheirOrder() {
    Registry<Greeting> r = Registry.load(Greeting.class, getClass().getClassLoader(), "greeting", Greeting::get);
    assertThat(r.names()).containsExactly("Hello", "salut");
    assertThat(r.find(" hello ")).get().isInstanceOf(Hello.class);
    assertThat(r.find("SALUT")).get().isInstanceOf(Salut.class);
    assertThat(r.find("hola")).isEmpty();
    assertThat(r.find(null)).isEmpty();
    assertThat(r.all()).hasSize(2);
    assertThat(r.kind()).isEqualTo("greeting");
  }

  @Test
  void namesAreUniqueIgnoringCaseAndNotBlank() {
    assertThatThrownBy(() -> Registry.of("greeting", List.of(new Hello(), new Hello()), Greeting::get))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("greeting 'Hello' is registered twice")
        .hasMessageContaining(Hello.class.getName());
    assertThatThrownBy(() -> Registry.of("greeting", List.<Greeting>of(() -> " "), Greeting::get))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("has no name");
    assertThat(Registry.of("greeting", List.<Greeting>of(), Greeting::get).names()).isEmpty();
  }
}
