package org.recsys.eval.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StudentTTest {
  @Test
  void closedFormsForOneAndTwoDegreesOfFreedom() {
    for (double t = -6; t <= 6; t += 0.25) {
      // df = 1 is the Cauchy distribution: F(t) = 1/2 + atan(t)/pi.
      assertThat(StudentT.cdf(t, 1)).isCloseTo(0.5 + Math.atan(t) / Math.PI, within(1e-13));
      // df = 2: F(t) = 1/2 + t / (2 sqrt(2 + t^2)).
      assertThat(StudentT.cdf(t, 2)).isCloseTo(0.5 + t / (2 * Math.sqrt(2 + t * t)), within(1e-13));
    }
  }

  /** Two-sided 5% critical values from printed t tables: P(|T| >= t) = 0.05. */
  @ParameterizedTest
  @CsvSource({"1, 12.706204736", "5, 2.570581836", "10, 2.228138852", "30, 2.042272456", "120, 1.979930405"})
  void criticalValuesFromTables(double df, double t) {
    assertThat(StudentT.twoSidedP(t, df)).isCloseTo(0.05, within(1e-9));
    assertThat(StudentT.cdf(t, df)).isCloseTo(0.975, within(1e-9));
    assertThat(StudentT.cdf(-t, df)).isCloseTo(0.025, within(1e-9));
  }

  /** Reference values from mpmath through the incomplete beta, 30 digits. */
  @ParameterizedTest
  @CsvSource({
      "2.0, 10, 0.96330598261462981719, 0.073388034770740365618",
      "-1.5, 3, 0.11529193262241152614, 0.23058386524482305228",
      "0.5, 29, 0.68957595790310931799, 0.62084808419378136402",
      "4.0, 5, 0.9948382922595842731, 0.010323415480831453804",
      "0.01, 7, 0.50384984117818911454, 0.99230031764362177093",
      "10.0, 100, 0.99999999999999995049, 9.9016889845941391754e-17",
      "8.0, 6039, 0.99999999999999925996, 1.4800806400981992198e-15"})
  void matchesMpmath(double t, double df, double cdf, double twoSided) {
    assertThat(StudentT.cdf(t, df)).isCloseTo(cdf, within(1e-12));
    assertThat(StudentT.twoSidedP(t, df)).isCloseTo(twoSided, within(twoSided * 1e-9));
  }

  @Test
  void edges() {
    assertThat(StudentT.twoSidedP(0, 4)).isEqualTo(1);
    assertThat(StudentT.twoSidedP(Double.POSITIVE_INFINITY, 4)).isEqualTo(0);
    assertThat(StudentT.cdf(Double.NEGATIVE_INFINITY, 4)).isEqualTo(0);
    assertThatThrownBy(() -> StudentT.cdf(1, 0)).hasMessageContaining("degrees of freedom");
    assertThatThrownBy(() -> StudentT.cdf(Double.NaN, 3)).hasMessageContaining("NaN");
  }
}
