package org.recsys.cli.command;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code recsys quickstart}: Train every model on built-in synthetic data and print a comparison. */
@Command(name = "quickstart", mixinStandardHelpOptions = true, description = "Train every model on built-in synthetic data and print a comparison.")
public final class QuickstartCommand implements Callable<Integer> {
  @Mixin CommonOptions common;

  @Override
  public Integer call() {
    throw new NotBuiltYet("quickstart", "issue 8");
  }
}
