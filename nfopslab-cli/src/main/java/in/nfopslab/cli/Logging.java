package in.nfopslab.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.slf4j.LoggerFactory;

/** Log verbosity from -v flags: quiet (warnings) by default, info with -v, debug with -vv. */
final class Logging {
  private static volatile int verbosity;

  private Logging() {}

  static void setVerbosity(int level) {
    verbosity = level;
    Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    Logger ours = (Logger) LoggerFactory.getLogger("in.nfopslab");
    if (level >= 2) {
      ours.setLevel(Level.DEBUG);
      root.setLevel(Level.INFO);
    } else if (level == 1) {
      ours.setLevel(Level.INFO);
    }
  }

  static int verbosity() {
    return verbosity;
  }
}
