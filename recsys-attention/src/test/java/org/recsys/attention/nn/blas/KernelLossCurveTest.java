package org.recsys.attention.nn.blas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The same training gives the same loss curve on OpenBLAS's generic SSE3 kernel as on the CPU's best one: the
 * kernel choice changes speed, not results (beyond float rounding). Each kernel runs in a fresh JVM, since
 * OpenBLAS picks its kernel when it loads.
 */
@Tag("slow")
class KernelLossCurveTest {
  @Test
  void theGenericAndTheBestKernelGiveTheSameLossCurve() throws Exception {
    Map<String, String> best = probe("auto");
    Map<String, String> generic = probe("PRESCOTT");
    assertThat(generic.get("kernel")).isEqualTo("Prescott");
    if (CpuFeatures.current().bestOpenBlasCore().isPresent()) {
      assertThat(best.get("kernel")).isNotEqualTo("Prescott");
    }
    double previous = Double.POSITIVE_INFINITY;
    for (int epoch = 1; epoch <= 4; epoch++) {
      double a = Double.parseDouble(best.get("loss" + epoch));
      double b = Double.parseDouble(generic.get("loss" + epoch));
      assertThat(b).as("epoch %d loss on %s vs %s", epoch, generic.get("kernel"), best.get("kernel"))
          .isCloseTo(a, within(1e-4 * a));
      assertThat(a).as("the loss falls").isLessThan(previous);
      previous = a;
    }
  }

  private static Map<String, String> probe(String core) throws Exception {
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx1g", "-D" + BlasRuntime.CORE_PROPERTY + "=" + core, "-cp", System.getProperty("java.class.path"),
        LossCurveProbe.class.getName()));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    pb.environment().remove("OPENBLAS_CORETYPE");
    Process p = pb.start();
    String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(300, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(text).isZero();
    Map<String, String> out = new LinkedHashMap<>();
    for (String line : text.split("\n")) {
      int eq = line.indexOf('=');
      if (eq > 0 && (line.startsWith("kernel") || line.startsWith("loss"))) {
        out.put(line.substring(0, eq), line.substring(eq + 1).trim());
      }
    }
    return out;
  }
}
