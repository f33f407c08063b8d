package org.recsys.data.sampling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.recsys.api.EvalCase;
import org.recsys.data.split.DataSplit;
import org.recsys.data.split.LeaveOneOutSplitter;
import org.recsys.data.synthetic.SyntheticConfig;
import org.recsys.data.synthetic.SyntheticGenerator;

class SampledCandidatesTest {
  @TempDir Path dir;

  private static DataSplit split() {
    return new LeaveOneOutSplitter().split(SyntheticGenerator.generate(SyntheticConfig.tiny()));
  }

  @Test
  void candidatesAreTargetPlusDistinctUnseenNegatives() {
    DataSplit s = split();
    SampledCandidates c = SampledCandidates.generate(s.test(), NegativeSampler.uniform(60, 0), 20, 5);
    List<EvalCase> cases = c.attachTo(s.test());
    assertThat(cases).hasSize(s.test().size());
    for (EvalCase e : cases) {
      int[] cand = e.candidates();
      assertThat(cand).hasSize(21).doesNotHaveDuplicates().contains(e.targets()[0]);
      for (int h : e.history()) {
        assertThat(cand).doesNotContain(h);
      }
    }
    assertThat(c.protocol()).containsEntry("candidates", "sampled").containsEntry("negatives", "20")
        .containsEntry("sampler", "uniform");
  }

  @Test
  void shortOfItemsGivesFewerNegativesAndCountsThem() {
    DataSplit s = split();
    SampledCandidates c = SampledCandidates.generate(s.test(), NegativeSampler.uniform(60, 0), 100, 5);
    EvalCase first = c.attachTo(s.test()).get(0);
    assertThat(first.candidates()).hasSize(60 - first.historyLength());
    assertThat(c.shortCases()).isEqualTo(s.test().size());
    assertThat(c.protocol()).containsKey("casesWithFewerNegatives");
  }

  @Test
  void sameSeedSameCandidatesAndTheFileRoundTrips() throws IOException {
    DataSplit s = split();
    SampledCandidates a = SampledCandidates.generate(s.test(), NegativeSampler.uniform(60, 99), 20, 5);
    SampledCandidates b = SampledCandidates.generate(s.test(), NegativeSampler.uniform(60, 123), 20, 5);
    SampledCandidates other = SampledCandidates.generate(s.test(), NegativeSampler.uniform(60, 0), 20, 6);
    assertThat(a.attachTo(s.test())).isEqualTo(b.attachTo(s.test()));
    assertThat(a.attachTo(s.test())).isNotEqualTo(other.attachTo(s.test()));
    Path f = dir.resolve("test.candidates");
    a.save(f);
    SampledCandidates loaded = SampledCandidates.load(f);
    assertThat(loaded.attachTo(s.test())).isEqualTo(a.attachTo(s.test()));
    assertThat(loaded.protocol()).isEqualTo(a.protocol());
  }

  @Test
  void targetsAreNotAlwaysFirst() {
    DataSplit s = split();
    List<EvalCase> cases = SampledCandidates.generate(s.test(), NegativeSampler.uniform(60, 0), 20, 5)
        .attachTo(s.test());
    long first = cases.stream().filter(e -> e.candidates()[0] == e.targets()[0]).count();
    assertThat(first).isLessThan(cases.size() / 4);
  }

  @Test
  void mismatchedCasesAndBrokenFilesAreClearErrors() throws IOException {
    DataSplit s = split();
    SampledCandidates c = SampledCandidates.generate(s.test(), NegativeSampler.uniform(60, 0), 10, 5);
    assertThatThrownBy(() -> c.attachTo(s.validation())).hasMessageContaining("case 1: candidates were drawn for");
    assertThatThrownBy(() -> c.attachTo(s.test().subList(0, 3))).hasMessageContaining("got 3");
    Path f = dir.resolve("bad.candidates");
    Files.writeString(f, "hello\n");
    assertThatThrownBy(() -> SampledCandidates.load(f)).hasMessageContaining(f + ":1: not a sampled-candidates file");
    c.save(f);
    List<String> lines = Files.readAllLines(f);
    Files.write(f, lines.subList(0, 5));
    assertThatThrownBy(() -> SampledCandidates.load(f)).hasMessageContaining("truncated");
    lines.set(2, "u\t1\tx y");
    Files.write(f, lines);
    assertThatThrownBy(() -> SampledCandidates.load(f)).hasMessageContaining(f + ":3: non-numeric item id");
  }

  @Test
  void loadOrGenerateReusesAMatchingFileAndRefusesAnotherSeed() throws IOException {
    DataSplit s = split();
    Path f = dir.resolve("c.candidates");
    SampledCandidates first = SampledCandidates.loadOrGenerate(f, s.test(), NegativeSampler.uniform(60, 0), 10, 5);
    assertThat(f).exists();
    SampledCandidates again = SampledCandidates.loadOrGenerate(f, s.test(), NegativeSampler.uniform(60, 0), 10, 5);
    assertThat(again.attachTo(s.test())).isEqualTo(first.attachTo(s.test()));
    assertThatThrownBy(() -> SampledCandidates.loadOrGenerate(f, s.test(), NegativeSampler.uniform(60, 0), 10, 6))
        .isInstanceOf(IOException.class).hasMessageContaining("seed=5").hasMessageContaining("seed=6");
  }
}
