package org.recsys.attention.nn.blas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The kernel choice happens before OpenBLAS loads, so each case runs in a fresh JVM with
 * {@code OPENBLAS_CORETYPE} removed from its environment.
 */
class BlasRuntimeTest {
  @Test
  void aKernelNamedBeforeLoadingIsTheOneOpenBlasRuns() throws Exception {
    // Prescott runs on every x86-64 CPU, and OpenBLAS's own detection picks it on none this project runs on:
    // seeing it proves the variable reached the library before it loaded.
    Map<String, String> out = probe("-D" + BlasRuntime.CORE_PROPERTY + "=PRESCOTT");
    assertThat(out.get("kernel")).isEqualTo("Prescott");
    assertThat(out.get("chosenBy")).contains(BlasRuntime.CORE_PROPERTY + "=PRESCOTT");
    assertThat(out.get("threads")).isEqualTo("1");
    if (CpuFeatures.current().hasAvx2()) {
      assertThat(out.get("fallback")).isEqualTo("true");
      assertThat(out.get("line")).contains("WARNING", "generic fallback");
    }
  }

  @Test
  void byDefaultTheKernelMatchesTheCpusWidestVectorUnit() throws Exception {
    CpuFeatures cpu = CpuFeatures.current();
    assumeTrue(cpu.bestOpenBlasCore().isPresent(), "a CPU without AVX2 is left to OpenBLAS");
    Map<String, String> out = probe();
    String expected = cpu.hasAvx512() ? "SkylakeX" : "Haswell";
    assertThat(out.get("kernel")).isEqualTo(expected);
    assertThat(out.get("chosenBy")).isEqualTo("chosen by recsys from the CPU's flags");
    assertThat(out.get("fallback")).isEqualTo("false");
    assertThat(out.get("line")).contains("OpenBLAS 0.3.19", "kernel " + expected, "1 thread per call");
  }

  @Test
  void theUsersOwnVariableIsHonoured() throws Exception {
    Map<String, String> out = probeWithVariable("PRESCOTT");
    assertThat(out.get("kernel")).isEqualTo("Prescott");
    assertThat(out.get("chosenBy")).isEqualTo("set by OPENBLAS_CORETYPE=PRESCOTT");
  }

  private static Map<String, String> probe(String... jvmArgs) throws IOException, InterruptedException {
    return run(null, jvmArgs);
  }

  private static Map<String, String> probeWithVariable(String core) throws IOException, InterruptedException {
    return run(core, new String[0]);
  }

  private static Map<String, String> run(String variable, String[] jvmArgs) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.addAll(List.of(jvmArgs));
    cmd.add(BlasProbe.class.getName());
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    pb.environment().remove("OPENBLAS_CORETYPE");
    if (variable != null) {
      pb.environment().put("OPENBLAS_CORETYPE", variable);
    }
    Process p = pb.start();
    String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(text).isZero();
    Map<String, String> out = new LinkedHashMap<>();
    for (String line : text.split("\n")) {
      int eq = line.indexOf('=');
      if (eq > 0 && !line.startsWith(" ")) {
        out.putIfAbsent(line.substring(0, eq), line.substring(eq + 1).trim());
      }
    }
    return out;
  }
}
