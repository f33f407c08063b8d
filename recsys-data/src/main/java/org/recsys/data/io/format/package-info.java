/**
 * The built-in {@link org.recsys.data.io.DataFormat}s. They register through {@code META-INF/services} like any
 * third-party format; {@link org.recsys.data.io.DataFormat} also names them as constants.
 */
package org.recsys.data.io.format;
