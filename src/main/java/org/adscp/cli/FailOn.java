package org.adscp.cli;

import java.util.List;
import org.adscp.scp.Finding;
import org.adscp.scp.Severity;

/** {@code --fail-on}: which severity makes the exit code 1. */
public enum FailOn {
  error(Severity.ERROR),
  warning(Severity.WARNING),
  info(Severity.INFO),
  never(null);

  private final Severity threshold;

  FailOn(Severity threshold) {
    this.threshold = threshold;
  }

  ExitCode exitCodeFor(List<Finding> findings) {
    boolean failing = threshold != null && findings.stream().anyMatch(f -> f.severity().atLeast(threshold));
    return failing ? ExitCode.FINDINGS : ExitCode.OK;
  }
}
