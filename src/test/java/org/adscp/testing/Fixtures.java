package org.adscp.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/** The bundled LDIF fixtures, found from the project root whatever the working directory. */
public final class Fixtures {
  private Fixtures() {}

  public static Path root() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !Files.isDirectory(dir.resolve("ldif-fixtures"))) {
      dir = dir.getParent();
    }
    if (dir == null) {
      throw new IllegalStateException("ldif-fixtures/ not found above " + Path.of("").toAbsolutePath());
    }
    return dir;
  }

  public static Path ldif(String name) {
    return root().resolve("ldif-fixtures").resolve(name + ".ldif");
  }
}
