/** The built-in synthetic data set with planted sequential structure. */
package org.recsys.data.synthetic;
