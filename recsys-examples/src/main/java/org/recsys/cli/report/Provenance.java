package org.recsys.cli.report;

import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.recsys.api.ComputeBackend;
import org.recsys.cli.VersionProvider;

/**
 * Where a number came from: software versions, git commit, data checksum and seed. Written next to every
 * result so that any reported figure can be re-run.
 *
 * @param recsysVersion the framework version
 * @param javaVersion the JVM version and vendor
 * @param os operating system and architecture
 * @param gitCommit the working tree's commit (with {@code +dirty} when it has changes), or {@code unknown}
 * @param dataChecksum SHA-256 of the data file, or of the synthetic generator's settings
 * @param seed the experiment's seed
 * @param startedAt ISO-8601 start time of the run
 * @param backends the native libraries the models compute with (BLAS library, version, kernel, CPU): what speed
 *     figures depend on
 */
public record Provenance(String recsysVersion, String javaVersion, String os, String gitCommit, String dataChecksum,
    long seed, String startedAt, String backends) {

  /** Provenance of a run starting now. */
  public static Provenance capture(String dataChecksum, long seed) {
    return new Provenance(VersionProvider.version(),
        System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")",
        System.getProperty("os.name") + " " + System.getProperty("os.arch"), readGitCommit(), dataChecksum, seed,
        java.time.OffsetDateTime.now().withNano(0).toString(), String.join("; ",
        ComputeBackend.describeAll(Provenance.class.getClassLoader())));
  }

  /** As an ordered map, for reports. */
  public Map<String, String> asMap() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("recsys", recsysVersion);
    m.put("java", javaVersion);
    m.put("os", os);
    m.put("gitCommit", gitCommit);
    m.put("dataChecksum", dataChecksum);
    m.put("seed", Long.toString(seed));
    m.put("startedAt", startedAt);
    m.put("backends", backends);
    return m;
  }

  /** {@code sha256:<hex>} of a text (e.g. a synthetic generator's settings). */
  public static String sha256(String text) {
    return "sha256:" + HexFormat.of().formatHex(sha256().digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  private static String readGitCommit() {
    try {
      Process p = new ProcessBuilder("git", "rev-parse", "HEAD").redirectErrorStream(true).start();
      String head = new String(p.getInputStream().readAllBytes()).trim();
      if (!p.waitFor(5, TimeUnit.SECONDS) || p.exitValue() != 0 || head.length() != 40) {
        return "unknown";
      }
      Process s = new ProcessBuilder("git", "status", "--porcelain", "--untracked-files=no").redirectErrorStream(true).start();
      boolean dirty = !new String(s.getInputStream().readAllBytes()).isBlank();
      s.waitFor(5, TimeUnit.SECONDS);
      return dirty ? head + "+dirty" : head;
    } catch (IOException e) {
      return "unknown";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "unknown";
    }
  }
}
