package org.recsys.attention.nn.blas;

import com.sun.jna.Function;
import com.sun.jna.NativeLibrary;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.bytedeco.javacpp.Loader;
import org.bytedeco.openblas.global.openblas_nolapack;
import org.nd4j.linalg.factory.Nd4j;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads the native backend (ND4J and the OpenBLAS it bundles) once per process, on the best kernel the CPU
 * supports.
 *
 * <p>Why: OpenBLAS picks its kernel once, when the library loads, from a table of the CPU models it knew when it
 * was built. The build ND4J 1.0.0-M2.1 bundles (0.3.19, 2021) does not know newer Xeons and falls back to its
 * SSE3 "Prescott" kernels there: half the speed. OpenBLAS honours {@code OPENBLAS_CORETYPE} at load time, so
 * before anything loads it this class sets that variable in the process environment (through the C library,
 * which is what OpenBLAS reads) to the kernel family of the CPU's widest vector unit: {@code SKYLAKEX} with
 * AVX-512, {@code HASWELL} with AVX2. Both run on every CPU with those instructions, whatever its model number.
 *
 * <p>Control: a user's own {@code OPENBLAS_CORETYPE} is always honoured; the system property
 * {@value #CORE_PROPERTY} is {@code auto} (the default), {@code library} (leave the choice to OpenBLAS) or a
 * kernel name such as {@code HASWELL}. Only Linux on x86-64 is steered; elsewhere the library chooses.
 */
public final class BlasRuntime {
  /** System property that overrides the kernel choice: {@code auto}, {@code library} or a kernel name. */
  public static final String CORE_PROPERTY = "recsys.blas.core";
  private static final String CORE_VARIABLE = "OPENBLAS_CORETYPE";
  private static final Logger LOG = LoggerFactory.getLogger(BlasRuntime.class);
  /** OpenBLAS kernel families that use AVX2 or wider. */
  private static final Set<String> WIDE_KERNELS = Set.of("haswell", "zen", "skylakex", "cooperlake",
      "sapphirerapids", "excavator");
  private static volatile BlasInfo info;

  private BlasRuntime() {}

  /**
   * Loads the backend if it is not loaded yet and returns what was loaded. Call it before anything touches ND4J
   * or OpenBLAS; later calls return the same description.
   */
  public static BlasInfo load() {
    BlasInfo i = info;
    if (i == null) {
      synchronized (BlasRuntime.class) {
        i = info;
        if (i == null) {
          i = loadOnce();
          info = i;
          if (i.fallback()) {
            LOG.warn("BLAS: {}; set {}=SKYLAKEX (AVX-512) or HASWELL (AVX2) to fix it", i.describe(),
                CORE_VARIABLE);
          } else {
            LOG.debug("BLAS: {}", i.describe());
          }
        }
      }
    }
    return i;
  }

  private static BlasInfo loadOnce() {
    CpuFeatures cpu = CpuFeatures.current();
    String chosenBy = chooseKernel(cpu);
    Nd4j.getExecutioner(); // loads ND4J's natives and the OpenBLAS they link
    Loader.load(openblas_nolapack.class); // the build our kernels call (same OpenBLAS version)
    // The kernels parallelise over sequences themselves; BLAS threads on top oversubscribe the cores.
    openblas_nolapack.blas_set_num_threads(1);
    String kernel = "unknown";
    String build = "unknown build";
    NativeLibrary lib = openBlasLibrary();
    if (lib != null) {
      kernel = lib.getFunction("openblas_get_corename").invokeString(new Object[0], false).trim();
      String config = lib.getFunction("openblas_get_config").invokeString(new Object[0], false).trim();
      build = config.replace(openblas_nolapack.OPENBLAS_VERSION.trim(), "").replace(kernel, "").trim()
          .replaceAll("\\s+", " ");
    }
    String library = openblas_nolapack.OPENBLAS_VERSION.trim() + " via org.bytedeco:openblas:" + bytedecoVersion();
    boolean fallback = cpu.hasAvx2() && !WIDE_KERNELS.contains(kernel.toLowerCase(Locale.ROOT));
    return new BlasInfo(library, build, kernel, chosenBy, openblas_nolapack.blas_get_num_threads(), cpu, fallback);
  }

  /** Sets {@code OPENBLAS_CORETYPE} where that is ours to do, and says who chose the kernel. */
  private static String chooseKernel(CpuFeatures cpu) {
    String own = System.getenv(CORE_VARIABLE);
    if (own != null && !own.isBlank()) {
      return "set by " + CORE_VARIABLE + "=" + own;
    }
    String wanted = System.getProperty(CORE_PROPERTY, "auto").trim();
    if (wanted.equalsIgnoreCase("library")) {
      return "OpenBLAS's own detection, as " + CORE_PROPERTY + "=library asks";
    }
    if (alreadyLoaded()) {
      return "OpenBLAS's own detection: it was loaded before recsys could choose";
    }
    boolean auto = wanted.equalsIgnoreCase("auto");
    String core = auto ? cpu.bestOpenBlasCore().orElse(null) : wanted.toUpperCase(Locale.ROOT);
    boolean steerable = !auto || isLinuxX86();
    if (core == null || !steerable) {
      return "OpenBLAS's own detection";
    }
    try {
      int rc = Function.getFunction("c", "setenv").invokeInt(new Object[] {CORE_VARIABLE, core, 1});
      if (rc != 0) {
        return "OpenBLAS's own detection: setting " + CORE_VARIABLE + " failed";
      }
    } catch (RuntimeException | UnsatisfiedLinkError e) {
      return "OpenBLAS's own detection: " + CORE_VARIABLE + " could not be set (" + e.getMessage() + ")";
    }
    return auto ? "chosen by recsys from the CPU's flags" : "set by " + CORE_PROPERTY + "=" + wanted;
  }

  private static boolean isLinuxX86() {
    String arch = System.getProperty("os.arch", "");
    return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux")
        && (arch.equals("amd64") || arch.equals("x86_64"));
  }

  private static boolean alreadyLoaded() {
    return Loader.getLoadedLibraries().keySet().stream().anyMatch(k -> k.startsWith("openblas"));
  }

  /** The loaded {@code openblas_nolapack} library, opened by path so that its own symbols are found. */
  private static NativeLibrary openBlasLibrary() {
    Map<String, String> loaded = Loader.getLoadedLibraries();
    for (Map.Entry<String, String> e : loaded.entrySet()) {
      if (e.getKey().startsWith("openblas_nolapack") && e.getValue() != null) {
        try {
          return NativeLibrary.getInstance(e.getValue());
        } catch (UnsatisfiedLinkError ex) {
          LOG.debug("cannot open {}: {}", e.getValue(), ex.getMessage());
        }
      }
    }
    return null;
  }

  private static String bytedecoVersion() {
    try (InputStream in = openblas_nolapack.class.getResourceAsStream(
        "/META-INF/maven/org.bytedeco/openblas/pom.properties")) {
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
