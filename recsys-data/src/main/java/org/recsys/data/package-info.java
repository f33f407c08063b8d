/**
 * The shared data pipeline: {@link org.recsys.data.DataConfig} (the config's {@code data} section) and
 * {@link org.recsys.data.DataPipeline} (read or generate, preprocess, split, convert). Sub-packages hold the
 * readers and writers ({@code io}), preprocessing ({@code preprocess}), statistics ({@code stats}), splits
 * ({@code split}), negative sampling and sampled candidates ({@code sampling}), training batches
 * ({@code batch}) and the synthetic data set ({@code synthetic}).
 */
package org.recsys.data;
