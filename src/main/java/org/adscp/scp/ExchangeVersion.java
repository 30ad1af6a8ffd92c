package org.adscp.scp;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The build of an Exchange server, read from its server object.
 *
 * <p>{@code serialNumber} ("Version 15.2 (Build 31544.4)") is preferred: it carries the revision,
 * with the build offset by 30000 (10000 on some older builds) as Exchange's own parser expects.
 * {@code versionNumber} is the fallback: {@code 0x70008000 | major<<22 | minor<<16 | build}.
 *
 * @param revision -1 when unknown (decoded from versionNumber alone)
 */
public record ExchangeVersion(int major, int minor, int build, int revision) {
  private static final Pattern SERIAL =
      Pattern.compile("Version\\s+(\\d+)\\.(\\d+)\\s*\\(Build\\s+(\\d+)(?:\\.(\\d+))?\\)",
          Pattern.CASE_INSENSITIVE);

  /** Exchange SE kept 15.2; it is told from 2019 only by its build (CSS-Exchange does the same). */
  private static final int FIRST_SE_BUILD = 2562;

  public static Optional<ExchangeVersion> fromSerialNumber(String serialNumber) {
    if (serialNumber == null) {
      return Optional.empty();
    }
    Matcher m = SERIAL.matcher(serialNumber.trim());
    if (!m.find()) {
      return Optional.empty();
    }
    int build = Integer.parseInt(m.group(3));
    if (build >= 30000) {
      build -= 30000;
    } else if (build >= 10000) {
      build -= 10000;
    }
    int revision = m.group(4) == null ? -1 : Integer.parseInt(m.group(4));
    return Optional.of(
        new ExchangeVersion(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), build, revision));
  }

  public static Optional<ExchangeVersion> fromVersionNumber(long versionNumber) {
    if ((versionNumber & 0x70008000L) != 0x70008000L) {
      return Optional.empty();
    }
    int major = (int) ((versionNumber >> 22) & 63);
    int minor = (int) ((versionNumber >> 16) & 63);
    int build = (int) (versionNumber & 0x7FFF);
    return Optional.of(new ExchangeVersion(major, minor, build, -1));
  }

  /** The product a person knows it by, e.g. "Exchange 2019". */
  public String product() {
    return switch (major) {
      case 8 -> "Exchange 2007";
      case 14 -> "Exchange 2010";
      case 15 -> switch (minor) {
        case 0 -> "Exchange 2013";
        case 1 -> "Exchange 2016";
        default -> build >= FIRST_SE_BUILD ? "Exchange SE" : "Exchange 2019";
      };
      default -> "Exchange " + major + "." + minor;
    };
  }

  @Override
  public String toString() {
    String base = major + "." + minor + "." + build;
    return revision < 0 ? base : base + "." + revision;
  }
}
