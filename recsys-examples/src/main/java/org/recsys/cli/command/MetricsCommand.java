package org.recsys.cli.command;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code recsys metrics}: Evaluate any system's rankings against ground truth (like trec_eval). */
@Command(name = "metrics", mixinStandardHelpOptions = true, description = "Evaluate any system's rankings against ground truth (like trec_eval).")
public final class MetricsCommand implements Callable<Integer> {
  @Mixin CommonOptions common;

  @Override
  public Integer call() {
    throw new NotBuiltYet("metrics", "issue 8");
  }
}
