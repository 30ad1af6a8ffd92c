package org.adscp.change;

import java.util.List;

/**
 * How one change went, and what the attribute holds now as read back (null when it could not be
 * read, or when nothing was asked of the directory).
 */
public record ChangeOutcome(AttributeChange change, Status status, String reason, List<String> now) {
  /** Spec §6 {@code changes[].status}. */
  public enum Status {
    PLANNED("planned"),
    APPLIED("applied"),
    ALREADY_APPLIED("already-applied"),
    CONFLICT("conflict"),
    REFUSED("refused"),
    FAILED("failed");

    private final String label;

    Status(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }
}
