package org.recsys.cli.command;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code recsys recommend}: Recommend items for one history with a saved model. */
@Command(name = "recommend", mixinStandardHelpOptions = true, description = "Recommend items for one history with a saved model.")
public final class RecommendCommand implements Callable<Integer> {
  @Mixin CommonOptions common;

  @Override
  public Integer call() {
    throw new NotBuiltYet("recommend", "issue 8");
  }
}
