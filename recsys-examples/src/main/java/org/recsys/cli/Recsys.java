package org.recsys.cli;

import org.slf4j.bridge.SLF4JBridgeHandler;
import picocli.CommandLine;

/** Entry point of the {@code recsys} command. */
public final class Recsys {
  private Recsys() {}

  public static void main(String[] args) {
    System.exit(execute(args));
  }

  /** Runs the command line and returns its exit code: 0 ok, 2 usage or config error, 1 runtime error. */
  public static int execute(String... args) {
    return commandLine().execute(args);
  }

  /** The configured picocli command line (exposed for tests). */
  public static CommandLine commandLine() {
    // Tribuo and other libraries log through java.util.logging; route it to SLF4J like everything else.
    if (!SLF4JBridgeHandler.isInstalled()) {
      SLF4JBridgeHandler.removeHandlersForRootLogger();
      SLF4JBridgeHandler.install();
    }
    CommandLine cli = new CommandLine(new RecsysCommand());
    cli.setExecutionExceptionHandler(new ErrorReporter());
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    return cli;
  }
}
