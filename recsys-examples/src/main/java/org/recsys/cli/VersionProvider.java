package org.recsys.cli;

import java.util.ArrayList;
import java.util.List;
import org.recsys.api.ComputeBackend;
import org.recsys.store.RecsysVersion;
import picocli.CommandLine.IVersionProvider;

/** The {@code --version} lines: recsys, Java, and every compute backend on the class path. */
public final class VersionProvider implements IVersionProvider {
  /** The project version, e.g. {@code 0.1.0-SNAPSHOT}. */
  public static String version() {
    return RecsysVersion.current();
  }

  @Override
  public String[] getVersion() {
    List<String> lines = new ArrayList<>(List.of("recsys " + version(), "Java " + System.getProperty("java.version")
        + " (" + System.getProperty("java.vm.name") + ")"));
    lines.addAll(ComputeBackend.describeAll(VersionProvider.class.getClassLoader()));
    return lines.toArray(String[]::new);
  }
}
