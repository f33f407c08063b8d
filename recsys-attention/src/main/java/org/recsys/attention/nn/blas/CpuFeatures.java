package org.recsys.attention.nn.blas;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * What the processor is and which vector instructions it has, as Linux reports them in {@code /proc/cpuinfo}.
 *
 * @param modelName the marketing name, e.g. {@code Intel(R) Xeon(R) Platinum 8480+}
 * @param vendor e.g. {@code GenuineIntel}, {@code AuthenticAMD}
 * @param family the CPU family number (-1 when unknown)
 * @param model the model number within the family (-1 when unknown)
 * @param flags the instruction-set flags of the first processor
 * @param cores the logical processors the JVM may use
 */
public record CpuFeatures(String modelName, String vendor, int family, int model, Set<String> flags, int cores) {
  private static final Path CPUINFO = Path.of("/proc/cpuinfo");
  private static final Set<String> AVX512 = Set.of("avx512f", "avx512bw", "avx512vl", "avx512dq", "avx512cd");
  private static final Set<String> AVX2 = Set.of("avx2", "fma");

  public CpuFeatures {
    flags = Set.copyOf(flags);
  }

  /** This machine's processor; an empty description where {@code /proc/cpuinfo} cannot be read (not Linux). */
  public static CpuFeatures current() {
    int cores = Runtime.getRuntime().availableProcessors();
    try {
      return Files.isReadable(CPUINFO) ? parse(Files.readString(CPUINFO), cores) : unknown(cores);
    } catch (IOException | RuntimeException e) {
      return unknown(cores);
    }
  }

  /** Reads the first processor's block of a {@code /proc/cpuinfo} text. */
  public static CpuFeatures parse(String cpuinfo, int cores) {
    String name = "unknown";
    String vendor = "unknown";
    int family = -1;
    int model = -1;
    Set<String> flags = new LinkedHashSet<>();
    for (String line : cpuinfo.split("\n")) {
      if (line.isBlank()) {
        if (!flags.isEmpty()) {
          break; // the first processor's block is enough: they are all alike
        }
        continue;
      }
      int colon = line.indexOf(':');
      if (colon < 0) {
        continue;
      }
      String key = line.substring(0, colon).trim();
      String value = line.substring(colon + 1).trim();
      switch (key) {
        case "model name" -> name = value;
        case "vendor_id" -> vendor = value;
        case "cpu family" -> family = parseInt(value);
        case "model" -> model = parseInt(value);
        case "flags" -> flags.addAll(Arrays.asList(value.split("\\s+")));
        default -> { }
      }
    }
    return new CpuFeatures(name, vendor, family, model, flags, cores);
  }

  private static CpuFeatures unknown(int cores) {
    return new CpuFeatures(System.getProperty("os.arch", "unknown"), "unknown", -1, -1, Set.of(), cores);
  }

  private static int parseInt(String s) {
    try {
      return Integer.parseInt(s);
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  public boolean hasAvx512() {
    return flags.containsAll(AVX512);
  }

  public boolean hasAvx2() {
    return flags.containsAll(AVX2);
  }

  /**
   * The OpenBLAS kernel family ({@code OPENBLAS_CORETYPE}) that uses the widest vector instructions this CPU
   * has: {@code SKYLAKEX} with AVX-512, {@code HASWELL} with AVX2 and FMA; empty for older CPUs, whose kernels
   * OpenBLAS's own detection finds.
   */
  public Optional<String> bestOpenBlasCore() {
    if (hasAvx512()) {
      return Optional.of("SKYLAKEX");
    }
    if (hasAvx2()) {
      return Optional.of("HASWELL");
    }
    return Optional.empty();
  }

  /** One line: name, vendor, family/model, widest vector unit, cores. */
  public String describe() {
    String vector = hasAvx512() ? "AVX-512" : hasAvx2() ? "AVX2+FMA" : flags.contains("avx") ? "AVX"
        : flags.isEmpty() ? "unknown vector unit" : "SSE";
    return modelName + " (" + vendor + ", family " + family + " model " + model + ", " + vector + "), " + cores
        + (cores == 1 ? " core" : " cores");
  }
}
