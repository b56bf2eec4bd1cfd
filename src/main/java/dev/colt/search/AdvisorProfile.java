// An advisor's identity and declared cost, which the model-aware policy uses.
package dev.colt.search;

/**
 * Name and size of an advisor. {@code sizeParams} plays the role of an LLM's parameter count (for
 * offline advisors, a declared equivalent); {@code costPerCall} is its declared price of one call in
 * arbitrary units, used for accounting when no token prices are known.
 */
public record AdvisorProfile(String name, double sizeParams, double costPerCall) {
  public AdvisorProfile {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("advisor needs a name");
    }
    if (!(sizeParams > 0)) {
      throw new IllegalArgumentException("advisor size must be positive: " + name);
    }
  }
}
