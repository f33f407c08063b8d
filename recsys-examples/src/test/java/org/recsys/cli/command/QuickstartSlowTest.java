package org.recsys.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.recsys.api.EvaluationReport;
import org.recsys.cli.CliTestSupport;
import org.recsys.eval.stats.PairedComparison;
import org.recsys.eval.stats.PairedTest;

/**
 * README's first command, end to end: the built-in plan trains all five models, and the order-aware models
 * beat popularity and first-order Markov on the planted structure by a significant margin.
 */
@Tag("slow")
class QuickstartSlowTest {
  @TempDir Path dir;

  @Test
  void builtInQuickstartRanksTheModelsAsPlanted() throws Exception {
    CliTestSupport r = CliTestSupport.run("quickstart", "--quiet", "--out", dir.toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).contains("| 1-pop | pop |").contains("| 5-lstm-attention | lstm-attention |");

    EvaluationReport pop = report("1-pop");
    EvaluationReport markov = report("2-markov");
    EvaluationReport tribuo = report("3-tribuo");
    EvaluationReport sasrec = report("4-sasrec");
    EvaluationReport lstm = report("5-lstm-attention");
    PairedTest test = PairedTest.withSeed(1);
    for (EvaluationReport model : List.of(markov, tribuo, sasrec, lstm)) {
      PairedComparison vsPop = test.compare(pop, model, "HR@10");
      assertThat(vsPop.difference()).isGreaterThan(0.25);
      assertThat(vsPop.tTestP()).isLessThan(1e-6);
    }
    for (EvaluationReport model : List.of(sasrec, lstm)) {
      PairedComparison vsMarkov = test.compare(markov, model, "HR@10");
      assertThat(vsMarkov.difference()).isGreaterThan(0.03);
      assertThat(vsMarkov.ciLow()).isGreaterThan(0.0);
    }
  }

  private EvaluationReport report(String run) throws Exception {
    return CliTestSupport.report(dir.resolve(run));
  }
}
