package org.recsys.cli.progress;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.recsys.api.EpochResult;
import org.recsys.api.TrainingListener;

/**
 * Shows training progress: a progress bar per epoch on a terminal (on stderr), one plain line per epoch otherwise, and
 * nothing in quiet mode. Also carries the Ctrl-C stop request to the trainer.
 */
public final class ConsoleProgress implements TrainingListener {
  private final String label;
  private final PrintWriter out;
  private final boolean quiet;
  private final boolean terminal;
  private final StopSignal stop;
  private ProgressBar bar;
  private int maxEpochs;

  /**
   * @param label what is being trained, e.g. the model type
   * @param quiet print nothing
   * @param stop the Ctrl-C signal to pass on to the trainer
   */
  public ConsoleProgress(String label, PrintWriter out, boolean quiet, StopSignal stop) {
    this.label = label;
    this.out = out;
    this.quiet = quiet;
    this.terminal = System.console() != null && !"dumb".equals(System.getenv("TERM"));
    this.stop = stop;
  }

  @Override
  public void onEpochStart(int epoch, int maxEpochs, int steps) {
    this.maxEpochs = maxEpochs;
    if (quiet || !terminal) {
      return;
    }
    bar = new ProgressBarBuilder().setTaskName(String.format(Locale.ROOT, "%s %d/%d", label, epoch, maxEpochs))
        .setInitialMax(steps).setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(250)
        .setConsumer(new ConsoleProgressBarConsumer(System.err)).continuousUpdate().build();
  }

  @Override
  public void onStep(int epoch, int step, double loss) {
    if (bar != null) {
      bar.stepTo(step);
      bar.setExtraMessage(String.format(Locale.ROOT, " loss %.4f", loss));
    }
  }

  @Override
  public void onEpochEnd(EpochResult r) {
    if (bar != null) {
      bar.close();
      bar = null;
    }
    if (quiet) {
      return;
    }
    String validation = r.validation().isEmpty() ? "" : "  " + format(r.validation()) + (r.improved() ? "  *" : "");
    out.printf(Locale.ROOT, "%s epoch %d/%d  loss %.4f  %.1fs%s%n", label, r.epoch(), maxEpochs, r.loss(), r.seconds(),
        validation);
    out.flush();
  }

  @Override
  public void onTrainingEnd(int bestEpoch) {
    if (bar != null) {
      bar.close();
      bar = null;
    }
    if (!quiet && bestEpoch > 0) {
      out.printf(Locale.ROOT, "%s: kept the weights of epoch %d%n", label, bestEpoch);
      out.flush();
    }
  }

  @Override
  public boolean stopRequested() {
    return stop.requested();
  }

  private static String format(Map<String, Double> metrics) {
    // The console shows the headline metrics; train.log keeps every one.
    Map<String, Double> shown = new java.util.TreeMap<>(metrics);
    if (shown.containsKey("HR@10") || shown.containsKey("NDCG@10")) {
      shown.keySet().retainAll(java.util.Set.of("HR@10", "NDCG@10"));
    }
    return shown.entrySet().stream().map(e -> String.format(Locale.ROOT, "%s %.4f", e.getKey(), e.getValue()))
        .collect(Collectors.joining("  "));
  }
}
