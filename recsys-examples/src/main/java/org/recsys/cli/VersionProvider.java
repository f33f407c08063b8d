package org.recsys.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import java.util.ArrayList;
import java.util.List;
import org.recsys.api.ComputeBackend;
import picocli.CommandLine.IVersionProvider;

/** Reads the build's version from a resource Maven filters at build time. */
public final class VersionProvider implements IVersionProvider {
  /** The project version, e.g. {@code 0.1.0-SNAPSHOT}. */
  public static String version() {
    Properties p = new Properties();
    try (InputStream in = VersionProvider.class.getResourceAsStream("/org/recsys/cli/version.properties")) {
      if (in != null) {
        p.load(in);
      }
    } catch (IOException e) {
      return "unknown";
    }
    return p.getProperty("version", "unknown");
  }

  @Override
  public String[] getVersion() {
    List<String> lines = new ArrayList<>(List.of("recsys " + version(), "Java " + System.getProperty("java.version")
        + " (" + System.getProperty("java.vm.name") + ")"));
    lines.addAll(ComputeBackend.describeAll(VersionProvider.class.getClassLoader()));
    return lines.toArray(String[]::new);
  }
}
