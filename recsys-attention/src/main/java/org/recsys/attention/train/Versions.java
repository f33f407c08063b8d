package org.recsys.attention.train;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** Library versions for model provenance, read from build metadata on the class path. */
public final class Versions {
  private Versions() {}

  /** The ND4J version on the class path. */
  public static String nd4j() {
    return read("/META-INF/maven/org.nd4j/nd4j-api/pom.properties");
  }

  private static String read(String resource) {
    try (InputStream in = Versions.class.getResourceAsStream(resource)) {
      if (in == null) {
        return "unknown";
      }
      Properties p = new Properties();
      p.load(in);
      return p.getProperty("version", "unknown");
    } catch (IOException e) {
      return "unknown";
    }
  }
}
