package org.recsys.attention.nn.blas;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CpuFeaturesTest {
  /** The first block of /proc/cpuinfo on the Xeon where OpenBLAS 0.3.19 fell back to Prescott. */
  private static final String EMERALD_RAPIDS = """
      processor\t: 0
      vendor_id\t: GenuineIntel
      cpu family\t: 6
      model\t\t: 207
      model name\t: Intel(R) Xeon(R) Platinum 8570
      flags\t\t: fpu sse sse2 ssse3 fma sse4_1 sse4_2 avx avx2 avx512f avx512dq avx512cd avx512bw avx512vl amx_tile

      processor\t: 1
      vendor_id\t: GenuineIntel
      flags\t\t: fpu
      """;

  @Test
  void avx512CpuGetsTheSkylakeXKernelWhateverItsModelNumber() {
    CpuFeatures cpu = CpuFeatures.parse(EMERALD_RAPIDS, 2);
    assertThat(cpu.model()).isEqualTo(207);
    assertThat(cpu.family()).isEqualTo(6);
    assertThat(cpu.vendor()).isEqualTo("GenuineIntel");
    assertThat(cpu.modelName()).isEqualTo("Intel(R) Xeon(R) Platinum 8570");
    assertThat(cpu.hasAvx512()).isTrue();
    assertThat(cpu.bestOpenBlasCore()).contains("SKYLAKEX");
    assertThat(cpu.describe()).contains("AVX-512", "model 207", "2 cores");
  }

  @Test
  void avx2CpuGetsHaswellAndOldCpusAreLeftToTheLibrary() {
    CpuFeatures zen3 = CpuFeatures.parse("vendor_id : AuthenticAMD\ncpu family : 25\nmodel : 1\n"
        + "flags : sse sse2 avx avx2 fma\n", 2);
    assertThat(zen3.bestOpenBlasCore()).contains("HASWELL");
    CpuFeatures avxOnly = CpuFeatures.parse("flags : sse sse2 avx\n", 1);
    assertThat(avxOnly.bestOpenBlasCore()).isEmpty();
    // AVX-512 foundation alone (Knights Landing) lacks the BW/VL/DQ instructions the SkylakeX kernels use.
    CpuFeatures knl = CpuFeatures.parse("flags : avx avx2 fma avx512f avx512cd\n", 1);
    assertThat(knl.bestOpenBlasCore()).contains("HASWELL");
  }

  @Test
  void unreadableTextGivesAnUnknownCpu() {
    CpuFeatures none = CpuFeatures.parse("", 4);
    assertThat(none.flags()).isEmpty();
    assertThat(none.bestOpenBlasCore()).isEmpty();
    assertThat(none.describe()).contains("unknown vector unit", "4 cores");
  }
}
