/** Leakage-safe splits: SASRec leave-one-out and global temporal. */
package org.recsys.data.split;
