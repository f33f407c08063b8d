package org.recsys.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.recsys.api.EvaluationReport;
import org.recsys.cli.CliTestSupport;
import org.recsys.cli.report.RunFiles;
import org.recsys.eval.stats.PairedComparison;
import org.recsys.eval.stats.PairedTest;

/**
 * README's "Swap one component" walk-through, end to end: the same data, head, loss and training with a
 * transformer encoder, an LSTM encoder and a GRU block each beat popularity clearly, and each run records the
 * encoder it was given.
 */
@Tag("slow")
class SwapOneComponentSlowTest {
  private static final String CONFIG = "../configs/swap-encoder.yaml";

  @TempDir Path dir;

  @Test
  void transformerLstmAndGruEncodersEachBeatPopularity() throws Exception {
    run("pop", "--set", "model={type: pop}");
    run("transformer");
    run("lstm", "--set", "model.encoder.blocks=[{type: lstm}]");
    run("gru", "--set", "model.encoder.blocks=[{type: gru}]");
    EvaluationReport pop = report("pop");
    PairedTest test = PairedTest.withSeed(1);
    for (String encoder : List.of("transformer", "lstm", "gru")) {
      PairedComparison vsPop = test.compare(pop, report(encoder), "HR@10");
      assertThat(vsPop.difference()).as("%s HR@10 over popularity", encoder).isGreaterThan(0.2);
      assertThat(vsPop.ciLow()).isGreaterThan(0.1);
      String resolved = java.nio.file.Files.readString(dir.resolve(encoder).resolve(RunFiles.CONFIG));
      assertThat(resolved).contains("type: \"" + encoder + "\"").contains("name: \"swap\"");
    }
    CliTestSupport compare = CliTestSupport.run("compare", dir.resolve("transformer").toString(),
        dir.resolve("lstm").toString(), dir.resolve("gru").toString(), "--metric", "HR@10,NDCG@10");
    assertThat(compare.exitCode()).as(compare.err()).isZero();
  }

  private void run(String name, String... overrides) {
    List<String> args = new java.util.ArrayList<>(List.of("run", "--quiet", "--config", CONFIG, "--out",
        dir.resolve(name).toString()));
    args.addAll(List.of(overrides));
    CliTestSupport r = CliTestSupport.run(args.toArray(String[]::new));
    assertThat(r.exitCode()).as(name + ": " + r.err()).isZero();
  }

  private EvaluationReport report(String run) throws Exception {
    return CliTestSupport.report(dir.resolve(run));
  }
}
