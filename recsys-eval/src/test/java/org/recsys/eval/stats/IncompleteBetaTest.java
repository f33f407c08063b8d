package org.recsys.eval.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IncompleteBetaTest {
  @Test
  void closedForms() {
    for (double x = 0.05; x < 1; x += 0.1) {
      // I_x(1, 1) = x; I_x(a, 1) = x^a; I_x(1, b) = 1 - (1 - x)^b.
      assertThat(IncompleteBeta.regularized(x, 1, 1)).isCloseTo(x, within(1e-14));
      assertThat(IncompleteBeta.regularized(x, 3.5, 1)).isCloseTo(Math.pow(x, 3.5), within(1e-14));
      assertThat(IncompleteBeta.regularized(x, 1, 4)).isCloseTo(1 - Math.pow(1 - x, 4), within(1e-14));
      // I_x(1/2, 1/2) = (2/pi) asin(sqrt x), the arcsine distribution.
      assertThat(IncompleteBeta.regularized(x, 0.5, 0.5))
          .isCloseTo(2 / Math.PI * Math.asin(Math.sqrt(x)), within(1e-13));
    }
    assertThat(IncompleteBeta.regularized(0, 2, 3)).isEqualTo(0);
    assertThat(IncompleteBeta.regularized(1, 2, 3)).isEqualTo(1);
  }

  /** Reference values from mpmath (betainc(a, b, 0, x, regularized=True), 30 digits). */
  @ParameterizedTest
  @CsvSource({
      "0.3, 2, 3, 0.3483",
      "0.9, 10, 0.5, 0.15164090963470996856",
      "0.2, 50, 0.5, 9.9942678613369837407e-37",
      "0.01, 0.5, 5, 0.24284189089843750246",
      "0.35, 100, 200, 0.73257146495754406868",
      "0.5, 2.5, 7.5, 0.95496866937633874118",
      "0.4, 1000, 1500, 0.50108584887421569863",
      "0.999, 5000, 0.5, 0.0015615791602892832788"})
  void matchesMpmath(double x, double a, double b, double expected) {
    assertThat(IncompleteBeta.regularized(x, a, b)).isCloseTo(expected, within(Math.abs(expected) * 1e-10));
  }

  @Test
  void logGammaMatchesKnownValues() {
    // ln Gamma(1/2) = ln sqrt(pi); ln Gamma(10) = ln 9!; others from mpmath.
    assertThat(IncompleteBeta.logGamma(0.5)).isCloseTo(0.5 * Math.log(Math.PI), within(1e-14));
    assertThat(IncompleteBeta.logGamma(10)).isCloseTo(Math.log(362880), within(1e-12));
    assertThat(IncompleteBeta.logGamma(0.1)).isCloseTo(2.252712651734205902, within(1e-13));
    assertThat(IncompleteBeta.logGamma(1e5)).isCloseTo(1051287.708973656894900858, within(1e-8));
  }

  @Test
  void rejectsArgumentsOutsideTheDomain() {
    assertThatThrownBy(() -> IncompleteBeta.regularized(1.5, 1, 1)).hasMessageContaining("x must be in [0, 1]");
    assertThatThrownBy(() -> IncompleteBeta.regularized(0.5, 0, 1)).hasMessageContaining("a and b must be > 0");
    assertThatThrownBy(() -> IncompleteBeta.regularized(Double.NaN, 1, 1)).hasMessageContaining("x must be");
  }
}
