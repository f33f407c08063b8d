package org.recsys.cli;

import org.recsys.cli.command.CompareCommand;
import org.recsys.cli.command.DataCommand;
import org.recsys.cli.command.EvaluateCommand;
import org.recsys.cli.command.GridCommand;
import org.recsys.cli.command.MetricsCommand;
import org.recsys.cli.command.QuickstartCommand;
import org.recsys.cli.command.RecommendCommand;
import org.recsys.cli.command.RunCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The top-level {@code recsys} command: prints usage when called without a subcommand. */
@Command(name = "recsys", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
    description = "Sequential recommendation experiments: train, evaluate and compare models.",
    subcommands = {QuickstartCommand.class, RunCommand.class, EvaluateCommand.class, RecommendCommand.class,
        CompareCommand.class, GridCommand.class, MetricsCommand.class, DataCommand.class},
    footer = {"", "Exit codes: 0 ok, 1 runtime error, 2 usage or config error."})
public final class RecsysCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "a subcommand is required");
  }
}
