package org.recsys.cli.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.recsys.cli.CliTestSupport;

/** Errors about a key name its whole path as the user wrote it, and where it was set. */
class KeyPathsAndOriginsTest {
  private static final String TINY = "{users: 120, items: 60, clusters: 6, styles: 2, successors: 3, minLength: 8,"
      + " maxLength: 20}";

  @TempDir Path dir;

  @Test
  void unknownNestedKeysKeepTheirPath() {
    for (String section : new String[] {"data.split", "data.preprocess", "data.synthetic"}) {
      CliTestSupport r = CliTestSupport.run("run", "--set", section + ".foo=1");
      // Before: "unknown key 'data.foo' in the config".
      assertThat(r.exitCode()).isEqualTo(2);
      assertThat(r.err()).contains("unknown key '" + section + ".foo' in --set");
    }
  }

  @Test
  void gridErrorsNameTheFileOrTheGridWhereTheKeyWasSet() throws Exception {
    Path f = dir.resolve("exp.yaml");
    Files.writeString(f, "data:\n  synthetic: " + TINY + "\nmodel: {type: test-recency, decay: 0.5}\n"
        + "evaluation: {protocol: full, candidates: 7}\n");
    CliTestSupport r = CliTestSupport.run("grid", "--config", f.toString(), "--grid", "evaluation.ks=[5],[10]",
        "--out", dir.resolve("g").toString());
    // Before: "in --set", because a --grid key of the same section claimed the whole section.
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("'evaluation.candidates' in " + f);
    CliTestSupport typo = CliTestSupport.run("grid", "--config", f.toString(), "--grid", "model.decya=1,2", "--out",
        dir.resolve("g").toString());
    assertThat(typo.exitCode()).isEqualTo(2);
    assertThat(typo.err()).contains("unknown key 'model.decya' in --grid");
  }

  @Test
  void quickstartNamesTheEntryOfItsModelsList() throws Exception {
    Path plan = dir.resolve("plan.yaml");
    Files.writeString(plan, "data:\n  synthetic: " + TINY + "\nmodels:\n  - {type: test-recency, decay: 0.5}\n"
        + "  - {type: test-recency, smoth: 0.5}\n");
    CliTestSupport r = CliTestSupport.run("quickstart", "--config", plan.toString(), "--out", dir.resolve("q").toString());
    // Before: "unknown key 'model.smoth' in the config".
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("unknown key 'models[1].smoth' in " + plan);
    Files.writeString(plan, "models:\n  - {type: test-recency, decay: 7}\n");
    assertThat(CliTestSupport.run("quickstart", "--config", plan.toString()).err())
        .contains("(models[0].decay in " + plan + ")");
    Files.writeString(plan, "models:\n  - {type: nope}\n");
    assertThat(CliTestSupport.run("quickstart", "--config", plan.toString()).err())
        .contains("unknown model type 'nope' in " + plan + " (models[0].type)");
  }
}
