package org.recsys.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** Runs the CLI in-process and captures what it prints. */
public record CliTestSupport(int exitCode, String out, String err) {
  public static CliTestSupport run(String... args) {
    CommandLine cli = Recsys.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    int code = cli.execute(args);
    return new CliTestSupport(code, out.toString(), err.toString());
  }
}
