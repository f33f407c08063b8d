package org.recsys.cli.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.IntervalBarRenderer;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.category.DefaultIntervalCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.recsys.api.EpochResult;
import org.recsys.api.MetricSummary;

/** Renders a run's charts to PNG with JFreeChart (headless). */
public final class RunCharts {
  private static final int WIDTH = 720;
  private static final int HEIGHT = 360;

  static {
    System.setProperty("java.awt.headless", "true");
  }

  private RunCharts() {}

  /** Training loss per epoch, or {@code null} when there are no epochs. */
  public static byte[] lossCurve(List<EpochResult> epochs) {
    if (epochs.isEmpty()) {
      return null;
    }
    XYSeries loss = new XYSeries("training loss");
    epochs.forEach(e -> loss.add(e.epoch(), e.loss()));
    JFreeChart chart = ChartFactory.createXYLineChart("Training loss", "epoch", "loss", new XYSeriesCollection(loss),
        PlotOrientation.VERTICAL, false, false, false);
    return png(chart);
  }

  /** Each validation metric per epoch, or {@code null} when validation never ran. */
  public static byte[] validationCurve(List<EpochResult> epochs) {
    Set<String> keys = new LinkedHashSet<>();
    epochs.forEach(e -> keys.addAll(e.validation().keySet()));
    if (keys.isEmpty()) {
      return null;
    }
    XYSeriesCollection data = new XYSeriesCollection();
    for (String k : keys) {
      XYSeries s = new XYSeries(k);
      epochs.stream().filter(e -> e.validation().containsKey(k)).forEach(e -> s.add(e.epoch(), e.validation().get(k)));
      data.addSeries(s);
    }
    JFreeChart chart = ChartFactory.createXYLineChart("Validation metric", "epoch", "value", data,
        PlotOrientation.VERTICAL, true, false, false);
    return png(chart);
  }

  /**
   * Metric means as points over floating bars that span their 95% confidence intervals.
   *
   * @param series run name to (metric key to summary); every run is one series
   */
  public static byte[] metricBars(Map<String, Map<String, MetricSummary>> series) {
    Set<String> all = new LinkedHashSet<>();
    series.values().forEach(m -> all.addAll(m.keySet()));
    // Dozens of bars are unreadable: chart the headline ranking metrics when the report has them.
    Set<String> metrics = new LinkedHashSet<>();
    all.stream().filter(k -> k.startsWith("HR@") || k.startsWith("NDCG@") || k.startsWith("MRR@")).forEach(metrics::add);
    if (metrics.isEmpty()) {
      metrics.addAll(all);
    }
    String[] runs = series.keySet().toArray(String[]::new);
    String[] cats = metrics.toArray(String[]::new);
    Number[][] lows = new Number[runs.length][cats.length];
    Number[][] highs = new Number[runs.length][cats.length];
    DefaultCategoryDataset means = new DefaultCategoryDataset();
    for (int r = 0; r < runs.length; r++) {
      Map<String, MetricSummary> m = series.get(runs[r]);
      for (int c = 0; c < cats.length; c++) {
        MetricSummary s = m.get(cats[c]);
        lows[r][c] = s == null ? null : s.ciLow();
        highs[r][c] = s == null ? null : s.ciHigh();
        means.addValue(s == null ? null : s.mean(), runs[r], cats[c]);
      }
    }
    DefaultIntervalCategoryDataset intervals = new DefaultIntervalCategoryDataset(runs, cats, lows, highs);
    IntervalBarRenderer bars = new IntervalBarRenderer();
    bars.setBarPainter(new StandardBarPainter());
    bars.setShadowVisible(false);
    bars.setDrawBarOutline(false);
    CategoryAxis axis = new CategoryAxis("metric");
    axis.setCategoryLabelPositions(CategoryLabelPositions.UP_45);
    axis.setMaximumCategoryLabelWidthRatio(2f);
    CategoryPlot plot = new CategoryPlot(intervals, axis, new NumberAxis("mean and 95% CI"), bars);
    LineAndShapeRenderer points = new LineAndShapeRenderer(false, true);
    points.setDefaultSeriesVisibleInLegend(false);
    points.setDefaultPaint(Color.BLACK);
    points.setAutoPopulateSeriesPaint(false);
    plot.setDataset(1, means);
    plot.setRenderer(1, points);
    plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
    plot.setBackgroundPaint(Color.WHITE);
    plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
    plot.setRangeGridlineStroke(new BasicStroke(0.5f));
    JFreeChart chart = new JFreeChart("Test metrics", JFreeChart.DEFAULT_TITLE_FONT, plot, true);
    return png(chart);
  }

  private static byte[] png(JFreeChart chart) {
    chart.setBackgroundPaint(Color.WHITE);
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ChartUtils.writeChartAsPNG(out, chart, WIDTH, HEIGHT);
      return out.toByteArray();
    } catch (IOException e) {
      throw new IllegalStateException("cannot render chart", e);
    }
  }
}
