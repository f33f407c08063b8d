package org.recsys.cli.command;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code recsys run}: Load data, train, evaluate and write a run directory. */
@Command(name = "run", mixinStandardHelpOptions = true, description = "Load data, train, evaluate and write a run directory.")
public final class RunCommand implements Callable<Integer> {
  @Mixin CommonOptions common;

  @Override
  public Integer call() {
    throw new NotBuiltYet("run", "issue 8");
  }
}
