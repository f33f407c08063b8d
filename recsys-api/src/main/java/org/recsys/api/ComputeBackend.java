package org.recsys.api;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/**
 * A native library that models compute with (a BLAS, a GPU runtime), described for logs and provenance: speed
 * figures mean little without the library, version and kernel behind them. Implementations are found with
 * {@link ServiceLoader}, so the command line can report them without depending on the modules that provide
 * them.
 */
public interface ComputeBackend {
  /**
   * One line naming the library, its version, the kernel it runs on this CPU and its threads; loads the library
   * if it is not loaded yet.
   */
  String describe();

  /** The description of every backend on the class path of {@code loader}, one line each. */
  static List<String> describeAll(ClassLoader loader) {
    List<String> lines = new ArrayList<>();
    ServiceLoader.load(ComputeBackend.class, loader).forEach(b -> lines.add(b.describe()));
    return lines;
  }
}
