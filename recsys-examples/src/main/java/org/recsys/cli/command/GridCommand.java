package org.recsys.cli.command;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code recsys grid}: Run the cartesian product of parameter values. */
@Command(name = "grid", mixinStandardHelpOptions = true, description = "Run the cartesian product of parameter values.")
public final class GridCommand implements Callable<Integer> {
  @Mixin CommonOptions common;

  @Override
  public Integer call() {
    throw new NotBuiltYet("grid", "issue 8");
  }
}
