package org.recsys.cli.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.geom.Rectangle2D;
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
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.SeriesRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.IntervalBarRenderer;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.renderer.xy.XYItemRendererState;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.category.DefaultIntervalCategoryDataset;
import org.jfree.data.xy.XYBarDataset;
import org.jfree.data.xy.XYDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.jfree.svg.SVGGraphics2D;
import org.recsys.api.EpochResult;
import org.recsys.api.MetricSummary;

/**
 * Renders runs' charts with JFreeChart (headless): a run's to PNG for {@code report.html}, a comparison's to SVG
 * with JFreeSVG for {@code comparison.html}.
 */
public final class RunCharts {
  private static final int WIDTH = 720;
  private static final int HEIGHT = 360;
  private static final int SVG_WIDTH = 480;
  private static final int SVG_HEIGHT = 320;
  private static final double BAR_WIDTH = 0.6;
  private static final double CAP_LENGTH = 12;

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

  /**
   * One metric of several runs as an SVG element: each run a bar up to its mean with whiskers over its 95%
   * confidence interval, drawn in run order (a mean of 0 has no bar, only its whiskers). Each bar is a group
   * whose {@code jfreesvg:ref} names its run as {@code seriesKey}.
   *
   * @param runs the runs' labels, unique, in order
   * @param summaries each run's summary of {@code metric}, in the same order; null for a run without it
   * @param idPrefix unique among the SVG elements of one page: it prefixes the element's internal ids
   */
  public static String metricComparisonSvg(String metric, List<String> runs, List<MetricSummary> summaries,
      String idPrefix) {
    YIntervalSeriesCollection intervals = new YIntervalSeriesCollection();
    for (int r = 0; r < runs.size(); r++) {
      MetricSummary m = summaries.get(r);
      YIntervalSeries series = new YIntervalSeries(runs.get(r));
      if (m != null) {
        series.add(r, m.mean(), m.ciLow(), m.ciHigh());
      }
      intervals.addSeries(series);
    }
    SymbolAxis axis = new SymbolAxis("run", runs.toArray(String[]::new));
    axis.setGridBandsVisible(false);
    NumberAxis range = new NumberAxis(metric + ", mean and 95% CI");
    if (summaries.stream().allMatch(m -> m == null || m.ciHigh() == 0)) {
      // Left to itself the axis would span a few billionths around 0.
      range.setRange(0, 1);
    }
    XYBarRenderer bars = new XYBarRenderer() {
      @Override
      public XYItemRendererState initialise(Graphics2D g2, Rectangle2D dataArea, XYPlot plot, XYDataset dataset,
          PlotRenderingInfo info) {
        XYItemRendererState state = super.initialise(g2, dataArea, plot, dataset, info);
        // JFreeChart 1.5 passes the chart's element hinting to category renderers only; without it the bars
        // carry no group naming their run.
        state.setElementHinting(plot.fetchElementHintingFlag());
        return state;
      }
    };
    bars.setBarPainter(new StandardXYBarPainter());
    bars.setShadowVisible(false);
    bars.setDrawBarOutline(false);
    // The bars' dataset gives each run's x the bar's width; the whiskers are drawn from the same intervals.
    XYPlot plot = new XYPlot(new XYBarDataset(intervals, BAR_WIDTH), axis, range, bars);
    XYErrorRenderer whiskers = new XYErrorRenderer();
    whiskers.setDrawXError(false);
    whiskers.setDefaultShapesVisible(false);
    whiskers.setDefaultSeriesVisibleInLegend(false);
    whiskers.setErrorPaint(Color.BLACK);
    whiskers.setCapLength(CAP_LENGTH);
    plot.setDataset(1, intervals);
    plot.setRenderer(1, whiskers);
    plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
    plot.setSeriesRenderingOrder(SeriesRenderingOrder.FORWARD);
    plot.setBackgroundPaint(Color.WHITE);
    plot.setDomainGridlinesVisible(false);
    plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
    plot.setRangeGridlineStroke(new BasicStroke(0.5f));
    JFreeChart chart = new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, false);
    chart.setBackgroundPaint(Color.WHITE);
    chart.setElementHinting(true);
    SVGGraphics2D g2 = new SVGGraphics2D(SVG_WIDTH, SVG_HEIGHT);
    g2.setDefsKeyPrefix(idPrefix);
    chart.draw(g2, new Rectangle(0, 0, SVG_WIDTH, SVG_HEIGHT));
    return g2.getSVGElement();
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
