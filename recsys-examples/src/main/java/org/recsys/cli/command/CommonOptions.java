package org.recsys.cli.command;

import picocli.CommandLine.Option;

/** Options every subcommand takes. */
public final class CommonOptions {
  @Option(names = "--verbose", description = "Print stack traces and debug logs on error.")
  boolean verbose;

  @Option(names = {"-q", "--quiet"}, description = "Print only results and errors.")
  boolean quiet;

  public boolean verbose() {
    return verbose;
  }

  public boolean quiet() {
    return quiet;
  }
}
