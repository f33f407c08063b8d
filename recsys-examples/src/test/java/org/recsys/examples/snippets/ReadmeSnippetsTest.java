package org.recsys.examples.snippets;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Keeps README.md's Java snippets identical to the ones the snippet tests compile and run. */
class ReadmeSnippetsTest {
  private static final Pattern REGION = Pattern.compile("// snippet: ([\\w-]+)\\n(.*?)\\n\\s*// end snippet", Pattern.DOTALL);

  @Test
  void everyReadmeSnippetIsTestedVerbatim() throws IOException {
    Map<String, String> tested = new LinkedHashMap<>();
    // The examples' snippets, and the attention module's (code that needs its classes at compile time).
    for (Path root : List.of(Path.of("src", "test", "java"), Path.of("..", "recsys-attention", "src", "test", "java"))) {
      try (Stream<Path> files = Files.walk(root)) {
        for (Path f : files.filter(p -> p.toString().endsWith("SnippetsTest.java")).toList()) {
          tested.putAll(regions(Files.readString(f)));
        }
      }
    }
    Map<String, String> readme = regions(Files.readString(Path.of("..", "README.md")));
    assertThat(readme).as("README snippets").isNotEmpty();
    for (Map.Entry<String, String> e : readme.entrySet()) {
      assertThat(tested).as("a test for README snippet '%s'", e.getKey()).containsKey(e.getKey());
      assertThat(e.getValue()).as("README snippet '%s' differs from its test", e.getKey()).isEqualTo(tested.get(e.getKey()));
    }
  }

  private static Map<String, String> regions(String text) {
    Map<String, String> out = new LinkedHashMap<>();
    Matcher m = REGION.matcher(text);
    while (m.find()) {
      out.put(m.group(1), dedent(m.group(2)));
    }
    return out;
  }

  private static String dedent(String block) {
    List<String> lines = block.lines().toList();
    int indent = lines.stream().filter(l -> !l.isBlank()).mapToInt(l -> l.length() - l.stripLeading().length()).min()
        .orElse(0);
    return lines.stream().map(l -> l.length() >= indent ? l.substring(indent) : l.strip()).map(String::stripTrailing)
        .collect(Collectors.joining("\n"));
  }
}
