package org.recsys.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RecsysCommandTest {
  @Test
  void helpListsEverySubcommand() {
    CliTestSupport r = CliTestSupport.run("--help");
    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).contains("quickstart", "run", "evaluate", "recommend", "compare", "grid", "metrics", "data");
  }

  @Test
  void versionNamesTheBuild() {
    CliTestSupport r = CliTestSupport.run("--version");
    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).startsWith("recsys ").doesNotContain("${");
  }

  @Test
  void usageErrorsExitWithTwo() {
    assertThat(CliTestSupport.run().exitCode()).isEqualTo(ExitCodes.USAGE_ERROR);
    CliTestSupport r = CliTestSupport.run("run", "--no-such-option");
    assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE_ERROR);
    assertThat(r.err()).contains("--no-such-option");
    assertThat(CliTestSupport.run("frobnicate").exitCode()).isEqualTo(ExitCodes.USAGE_ERROR);
  }

  @Test
  void configErrorsExitWithTwoInOneLine() {
    CliTestSupport r = CliTestSupport.run("run", "--set", "model.type=no-such-model");
    assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE_ERROR);
    assertThat(r.err().strip()).startsWith("error: unknown model type 'no-such-model' in --set").doesNotContain("\n")
        .doesNotContain("Exception");
  }

  @Test
  void runtimeErrorsExitWithOneAndHideTheStackTraceUnlessVerbose() {
    CliTestSupport r = CliTestSupport.run("metrics", "--rankings", "missing-r.tsv", "--truth", "missing-t.tsv");
    assertThat(r.exitCode()).isEqualTo(ExitCodes.RUNTIME_ERROR);
    assertThat(r.err()).contains("missing-").doesNotContain("\tat ");
    CliTestSupport v = CliTestSupport.run("metrics", "--verbose", "--rankings", "missing-r.tsv", "--truth", "missing-t.tsv");
    assertThat(v.exitCode()).isEqualTo(ExitCodes.RUNTIME_ERROR);
    assertThat(v.err()).contains("\tat ");
  }

  @Test
  void fileSystemErrorsSayWhatIsWrongWithTheFile(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
      throws Exception {
    java.nio.file.Path file = dir.resolve("plain");
    java.nio.file.Files.writeString(file, "x");
    // Before: "error: " and the bare path.
    assertThat(ErrorReporter.describe(new java.nio.file.FileAlreadyExistsException(file.toString())))
        .isEqualTo(file + ": is a file, where a directory was needed");
    assertThat(ErrorReporter.describe(new java.nio.file.AccessDeniedException("/root/x")))
        .isEqualTo("/root/x: permission denied");
    CliTestSupport r = CliTestSupport.run("run", "--out", file.resolve("sub").toString(), "--set", "model={type: pop}",
        "--set", "data.synthetic={users: 120, items: 60, clusters: 6, styles: 2, successors: 3, minLength: 8, maxLength: 20}");
    assertThat(r.exitCode()).isEqualTo(ExitCodes.RUNTIME_ERROR);
    assertThat(r.err()).contains(file + ": is a file, so the run directory " + file.resolve("sub")
        + " cannot be made in it");
  }
}
