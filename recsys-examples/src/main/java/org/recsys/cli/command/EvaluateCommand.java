package org.recsys.cli.command;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code recsys evaluate}: Re-evaluate a saved model. */
@Command(name = "evaluate", mixinStandardHelpOptions = true, description = "Re-evaluate a saved model.")
public final class EvaluateCommand implements Callable<Integer> {
  @Mixin CommonOptions common;

  @Override
  public Integer call() {
    throw new NotBuiltYet("evaluate", "issue 8");
  }
}
