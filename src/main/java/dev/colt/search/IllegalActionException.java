// Raised when an action proposed for a program does not apply to it.
package dev.colt.search;

/** An action refused by its legality check, with the check's short reason. */
public class IllegalActionException extends Exception {
  private static final long serialVersionUID = 1L;

  public IllegalActionException(String reason) {
    super(reason);
  }
}
