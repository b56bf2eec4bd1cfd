// Receives search events as they happen (progress lines, database appends).
package dev.colt.search;

/** A sink for {@link SearchEvent}s; called on the search thread, in order. */
@FunctionalInterface
public interface SearchListener {
  SearchListener NONE = e -> { };

  void onEvent(SearchEvent event);

  /** Calls this listener, then {@code other}. */
  default SearchListener andThen(SearchListener other) {
    return e -> {
      onEvent(e);
      other.onEvent(e);
    };
  }
}
