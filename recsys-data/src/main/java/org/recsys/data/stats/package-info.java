/** Data set statistics, before and after preprocessing. */
package org.recsys.data.stats;
