package org.recsys.cli.progress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.recsys.api.EpochResult;
import org.recsys.api.Recommender;

class EpochLogTest {
  @TempDir Path dir;

  private static EpochResult epoch(int e, double loss) {
    return new EpochResult(e, loss, 1.0, Map.of(), false);
  }

  @Test
  void anEpochRunAgainAfterAResumeReplacesItsLinesAndACutLineIsDropped() throws IOException {
    Path file = dir.resolve("epochs.jsonl");
    try (EpochLog log = new EpochLog(file, true)) {
      for (int e = 1; e <= 3; e++) {
        log.onEpochStart(e, 5, 10);
        log.onEpochEnd(epoch(e, 1.0 / e));
      }
    }
    Files.writeString(file, "{\"epoch\":4,\"lo", StandardOpenOption.APPEND); // killed mid-write
    // Killed after epoch 3's line but before its checkpoint: the resumed run starts epoch 3 again.
    try (EpochLog log = new EpochLog(file, false)) {
      log.onEpochStart(3, 5, 10);
      log.onEpochEnd(epoch(3, 0.3));
      log.onEpochStart(4, 5, 10);
      log.onEpochEnd(epoch(4, 0.25));
    }
    List<String> lines = Files.readAllLines(file);
    // Before: two lines for epoch 3, and epoch 4's line glued to the cut one (and so lost).
    assertThat(lines).hasSize(4);
    assertThat(EpochLog.read(file)).extracting(EpochResult::epoch).containsExactly(1, 2, 3, 4);
    assertThat(EpochLog.read(file).get(2).loss()).isEqualTo(0.3);
  }

  @Test
  void scoringIsCancelledOnceAStopIsRequested() {
    Recommender inner = new Recommender() {
      @Override
      public int numItems() {
        return 1;
      }

      @Override
      public float[][] scoreAll(List<int[]> histories) {
        return new float[][] {{Float.NEGATIVE_INFINITY, 1f}};
      }

      @Override
      public float[][] scoreCandidates(List<int[]> histories, int[][] candidates) {
        return new float[][] {{1f}};
      }
    };
    boolean[] stop = {false};
    try (ScoringProgress p = new ScoringProgress(inner, "x", 2, false, () -> stop[0])) {
      assertThat(p.scoreAll(List.of(new int[0]))).hasDimensions(1, 2);
      stop[0] = true;
      assertThatThrownBy(() -> p.scoreAll(List.of(new int[0]))).isInstanceOf(CancellationException.class);
    }
  }
}
