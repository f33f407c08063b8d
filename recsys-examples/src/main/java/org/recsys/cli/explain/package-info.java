/**
 * {@code recsys recommend --explain}: an explanation of one history's recommendations in the user's own item ids
 * ({@link org.recsys.cli.explain.ExplanationReport}), shown as a table, JSON or an HTML page.
 */
package org.recsys.cli.explain;
