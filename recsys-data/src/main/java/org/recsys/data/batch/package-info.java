/** Right-aligned, left-padded next-item training windows in primitive-array batches. */
package org.recsys.data.batch;
