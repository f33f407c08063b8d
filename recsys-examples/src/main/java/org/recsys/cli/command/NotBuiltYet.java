package org.recsys.cli.command;

/** Thrown by a subcommand whose implementation has not landed yet: it says so and exits non-zero. */
final class NotBuiltYet extends RuntimeException {
  private static final long serialVersionUID = 1L;

  NotBuiltYet(String command, String issue) {
    super("'recsys " + command + "' is not built yet (tracked in " + issue + "); nothing was done");
  }
}
