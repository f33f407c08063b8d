package org.recsys.api;

import java.util.Objects;

/**
 * What a model's parameters stand for in full: the registered type and parameters a run trains and records,
 * and the name runs and reports show. A preset (say {@code sasrec}) expands to the spec of the general type
 * ({@code sequential}), so a run's resolved config shows what the model is made of.
 *
 * @param type the registered type that trains the model
 * @param parameters that type's parameter record, every default filled in
 * @param name what runs and reports call the model
 */
public record ModelExpansion(String type, Object parameters, String name) {
  public ModelExpansion {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(parameters, "parameters");
    Objects.requireNonNull(name, "name");
  }
}
