package org.recsys.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.recsys.api.SequenceDataset;
import org.recsys.api.UserSequence;
import org.recsys.data.preprocess.PreprocessOptions;

/**
 * Checks against the public benchmark data in {@code shared/data} beside the checkout (or the directory named
 * by {@code RECSYS_SHARED_DATA}); skipped when the files are absent, so a fresh clone passes without them.
 */
@Tag("slow")
class MovieLensSlowTest {
  private static final Path DATA = sharedData();

  private static Path sharedData() {
    String env = System.getenv("RECSYS_SHARED_DATA");
    if (env != null && !env.isBlank()) {
      return Path.of(env);
    }
    // Tests run in the module directory; the checkout's sibling shared/ holds the data.
    return Path.of("..", "..", "shared", "data").toAbsolutePath().normalize();
  }

  @Test
  void fiveCoreItemFilterOfUnfilteredMl1mGivesTheSasRecCounts() throws Exception {
    Path unfiltered = DATA.resolve("ml-1m.unfiltered.txt");
    assumeTrue(Files.isReadable(unfiltered), "no " + unfiltered);
    LoadedData d = DataPipeline.load(DataConfig.file(unfiltered, "sasrec")
        .withPreprocess(new PreprocessOptions(null, null, 0, 5)));
    assertThat(d.after().users()).isEqualTo(6040);
    assertThat(d.after().items()).isEqualTo(3416);
    assertThat(d.after().interactions()).isEqualTo(999_611);
    assertThat(d.before().interactions()).isEqualTo(1_000_209);

    // The sequences are those of ml-1m.txt up to a renaming of items.
    Path filtered = DATA.resolve("ml-1m.txt");
    assumeTrue(Files.isReadable(filtered), "no " + filtered);
    SequenceDataset ref = DataPipeline.load(DataConfig.file(filtered, "sasrec")).dataset();
    SequenceDataset ours = d.dataset();
    assertThat(ours.users()).hasSameSizeAs(ref.users());
    Map<Integer, Integer> rename = new HashMap<>();
    for (int u = 0; u < ref.users().size(); u++) {
      UserSequence a = ours.users().get(u);
      UserSequence b = ref.users().get(u);
      assertThat(a.user()).isEqualTo(b.user());
      assertThat(a.length()).isEqualTo(b.length());
      for (int i = 0; i < a.length(); i++) {
        Integer prev = rename.putIfAbsent(a.item(i), b.item(i));
        assertThat(prev == null || prev == b.item(i)).as("user %s position %d", a.user(), i).isTrue();
      }
    }
    assertThat(rename.values().stream().distinct().count()).isEqualTo(3416);
  }

  @Test
  void ml100kRecBoleWithTitlesAndRealTimestamps() throws Exception {
    Path inter = DATA.resolve("ml-100k.inter");
    assumeTrue(Files.isReadable(inter), "no " + inter);
    LoadedData d = DataPipeline.load(new DataConfig(inter.toString(), null, null, null, null,
        DATA.resolve("ml-100k.item").toString(), null, null, null));
    assertThat(d.after().users()).isEqualTo(943);
    assertThat(d.after().items()).isEqualTo(1682);
    assertThat(d.after().interactions()).isEqualTo(100_000);
    assertThat(d.hasTimestamps()).isTrue();
    assertThat(d.titles()).containsEntry("1", "Toy Story");
    assertThat(DataPipeline.split(d, new DataConfig(inter.toString(), null, null, null, null, null, null, null, null))
        .warnings()).isNotEmpty();
  }
}
