package in.nfopslab.bench.bars;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code --name value} or {@code --name=value} options over defaults; an unknown name is an error.
 */
final class Args {
  private Args() {}

  static Map<String, String> parse(String[] args, Map<String, String> defaults) {
    Map<String, String> out = new LinkedHashMap<>(defaults);
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (!a.startsWith("--")) {
        throw new IllegalArgumentException("unexpected argument '" + a + "'");
      }
      String name;
      String value;
      int eq = a.indexOf('=');
      if (eq > 0) {
        name = a.substring(2, eq);
        value = a.substring(eq + 1);
      } else {
        name = a.substring(2);
        if (i + 1 >= args.length) {
          throw new IllegalArgumentException("--" + name + " needs a value");
        }
        value = args[++i];
      }
      if (!out.containsKey(name)) {
        throw new IllegalArgumentException(
            "unknown option --" + name + " (known: " + defaults.keySet() + ")");
      }
      out.put(name, value);
    }
    return out;
  }
}
