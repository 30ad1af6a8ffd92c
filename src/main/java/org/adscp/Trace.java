package org.adscp;

/**
 * Where {@code --verbose} tells what is asked of the directory and the network. Never given a
 * secret: callers pass DNs, hosts, filters, never passwords.
 */
@FunctionalInterface
public interface Trace {
  Trace SILENT = line -> {};

  void say(String line);
}
