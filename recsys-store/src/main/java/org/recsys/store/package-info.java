/**
 * How trained models are stored. Every model, whatever its kind, writes its own files into a directory and then
 * {@link org.recsys.store.ModelDirectory#seal seals} it with the one manifest schema,
 * {@link org.recsys.store.ModelManifest} ({@code model.json}), and a checksum list. Loading verifies the seal
 * and reads the manifest first, so the CLI, a library user and every model's factory agree on what a model
 * directory is.
 */
package org.recsys.store;
