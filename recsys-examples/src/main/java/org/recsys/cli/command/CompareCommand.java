package org.recsys.cli.command;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code recsys compare}: Compare the metrics of several run directories. */
@Command(name = "compare", mixinStandardHelpOptions = true, description = "Compare the metrics of several run directories.")
public final class CompareCommand implements Callable<Integer> {
  @Mixin CommonOptions common;

  @Override
  public Integer call() {
    throw new NotBuiltYet("compare", "issue 8");
  }
}
