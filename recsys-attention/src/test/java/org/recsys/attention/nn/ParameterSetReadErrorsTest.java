package org.recsys.attention.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A weights stream that is cut short or followed by other bytes is refused, saying where and what. */
class ParameterSetReadErrorsTest {
  private static ParameterSet set() {
    Parameter a = Parameter.zeros("a", false, 3);
    Parameter b = Parameter.zeros("b", true, 2, 2);
    a.value().copyFrom(new float[] {1, 2, 3});
    b.value().copyFrom(new float[] {4, 5, 6, 7});
    return new ParameterSet(List.of(a, b));
  }

  private static byte[] bytes(ParameterSet set) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    set.writeValues(out);
    return out.toByteArray();
  }

  @Test
  void aTruncatedStreamNamesTheTensorItEndsIn() throws IOException {
    try (ParameterSet set = set()) {
      byte[] all = bytes(set);
      byte[] cut = Arrays.copyOf(all, all.length - 3);
      // Before, this was an EOFException whose message is null ("weights.bin: null").
      assertThatThrownBy(() -> set.readValues(new ByteArrayInputStream(cut))).isInstanceOf(IOException.class)
          .hasMessage("truncated: the data ends inside tensor 2 of 2 (b)");
      byte[] header = Arrays.copyOf(all, 6);
      assertThatThrownBy(() -> set.readValues(new ByteArrayInputStream(header)))
          .hasMessage("truncated: the data ends inside the header");
    }
  }

  @Test
  void bytesAfterTheLastTensorAreRefusedButAnEmbeddedReadLeavesThem() throws IOException {
    try (ParameterSet set = set()) {
      byte[] all = bytes(set);
      byte[] longer = Arrays.copyOf(all, all.length + 5);
      assertThatThrownBy(() -> set.readValues(new ByteArrayInputStream(longer)))
          .hasMessage("5 unexpected bytes after the last tensor");
      ByteArrayInputStream in = new ByteArrayInputStream(longer);
      set.readEmbeddedValues(in);
      assertThat(in.available()).isEqualTo(5);
      assertThat(set.snapshot()[1]).containsExactly(4, 5, 6, 7);
    }
  }
}
