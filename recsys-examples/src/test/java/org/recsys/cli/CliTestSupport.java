package org.recsys.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.recsys.api.EvaluationReport;
import org.recsys.cli.report.RunFiles;
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

  /** A finished run directory's test evaluation, per-case values included (what paired tests need). */
  public static EvaluationReport report(Path runDir) throws IOException {
    return RunFiles.readRecord(runDir).asReport(RunFiles.readPerCase(runDir).values());
  }
}
