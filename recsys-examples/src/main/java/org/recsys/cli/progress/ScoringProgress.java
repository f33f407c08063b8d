package org.recsys.cli.progress;

import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.concurrent.atomic.AtomicLong;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.recsys.api.Recommender;

/**
 * A recommender that counts the histories it scores and shows them as a progress bar on a terminal, so an
 * evaluation that calls it in batches (from any number of threads) shows its progress. Scores are passed
 * through unchanged.
 */
public final class ScoringProgress implements Recommender, AutoCloseable {
  private final Recommender inner;
  private final ProgressBar bar;
  private final AtomicLong done = new AtomicLong();
  private final BooleanSupplier stopRequested;

  /**
   * @param total the number of histories the evaluation will score
   * @param show whether to draw a bar (false when quiet or not on a terminal)
   */
  public ScoringProgress(Recommender inner, String label, long total, boolean show) {
    this(inner, label, total, show, () -> false);
  }

  /**
   * Like {@link #ScoringProgress(Recommender, String, long, boolean)}, and cancels the evaluation (a
   * {@link CancellationException} from the next batch) once {@code stopRequested} says so.
   */
  public ScoringProgress(Recommender inner, String label, long total, boolean show, BooleanSupplier stopRequested) {
    this.inner = inner;
    this.stopRequested = stopRequested;
    this.bar = show ? new ProgressBarBuilder().setTaskName(label).setInitialMax(total).setStyle(ProgressBarStyle.ASCII)
        .setUpdateIntervalMillis(250).setConsumer(new ConsoleProgressBarConsumer(System.err)).continuousUpdate()
        .build() : null;
  }

  @Override
  public int numItems() {
    return inner.numItems();
  }

  @Override
  public float[][] scoreAll(List<int[]> histories) {
    checkStop();
    float[][] scores = inner.scoreAll(histories);
    step(histories.size());
    return scores;
  }

  @Override
  public float[][] scoreCandidates(List<int[]> histories, int[][] candidates) {
    checkStop();
    float[][] scores = inner.scoreCandidates(histories, candidates);
    step(histories.size());
    return scores;
  }

  private void checkStop() {
    if (stopRequested.getAsBoolean()) {
      throw new CancellationException("evaluation cancelled: a stop was requested");
    }
  }

  private void step(int n) {
    long now = done.addAndGet(n);
    if (bar != null) {
      bar.stepTo(now);
    }
  }

  @Override
  public void close() {
    if (bar != null) {
      bar.close();
    }
  }
}
