package org.recsys.cli.command;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code recsys data}: Inspect and convert data sets. */
@Command(name = "data", mixinStandardHelpOptions = true, description = "Inspect and convert data sets.")
public final class DataCommand implements Callable<Integer> {
  @Mixin CommonOptions common;

  @Override
  public Integer call() {
    throw new NotBuiltYet("data", "issue 8");
  }
}
