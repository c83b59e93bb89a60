package in.nfopslab.orchestrator;

import in.nfopslab.core.strategy.StrategyDescriptor;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A parameter grid: {@code name=v1,v2,v3} or {@code name=start:stop:step} per parameter; the
 * variants are the cartesian product, in a stable order (the last parameter varies fastest).
 */
public final class SweepGrid {
  private final Map<String, List<String>> axes;

  private SweepGrid(Map<String, List<String>> axes) {
    this.axes = axes;
  }

  public static SweepGrid parse(StrategyDescriptor d, List<String> specs) {
    Map<String, List<String>> axes = new LinkedHashMap<>();
    for (String spec : specs) {
      int eq = spec.indexOf('=');
      if (eq <= 0 || eq == spec.length() - 1) {
        throw new IllegalArgumentException(
            "--grid '" + spec + "' is not name=v1,v2 or name=start:stop:step");
      }
      String name = spec.substring(0, eq).trim();
      if (!d.paramNames().contains(name)) {
        throw new IllegalArgumentException(
            "--grid: "
                + d.name()
                + " has no parameter '"
                + name
                + "' (valid: "
                + String.join(", ", d.paramNames())
                + ")");
      }
      if (axes.containsKey(name)) {
        throw new IllegalArgumentException("--grid: parameter '" + name + "' given twice");
      }
      axes.put(name, values(name, spec.substring(eq + 1).trim()));
    }
    return new SweepGrid(axes);
  }

  private static List<String> values(String name, String text) {
    List<String> out = new ArrayList<>();
    if (text.contains(":") && !text.contains(",") && text.split(":").length == 3) {
      String[] p = text.split(":");
      BigDecimal start = new BigDecimal(p[0].trim());
      BigDecimal stop = new BigDecimal(p[1].trim());
      BigDecimal step = new BigDecimal(p[2].trim());
      if (step.signum() <= 0 || start.compareTo(stop) > 0) {
        throw new IllegalArgumentException(
            "--grid " + name + "=" + text + ": need start <= stop and step > 0");
      }
      for (BigDecimal v = start; v.compareTo(stop) <= 0; v = v.add(step)) {
        out.add(v.stripTrailingZeros().toPlainString());
        if (out.size() > 100_000) {
          throw new IllegalArgumentException(
              "--grid " + name + "=" + text + ": more than 100,000 values");
        }
      }
    } else {
      for (String v : text.split(",")) {
        if (!v.isBlank()) {
          out.add(v.trim());
        }
      }
    }
    if (out.isEmpty()) {
      throw new IllegalArgumentException("--grid " + name + ": no values");
    }
    return out;
  }

  public Map<String, List<String>> axes() {
    return axes;
  }

  public long size() {
    long n = 1;
    for (List<String> v : axes.values()) {
      n = Math.multiplyExact(n, v.size());
    }
    return n;
  }

  /** Every combination as name=value assignments. */
  public List<List<String>> variants() {
    List<List<String>> out = new ArrayList<>();
    out.add(List.of());
    for (Map.Entry<String, List<String>> axis : axes.entrySet()) {
      List<List<String>> next = new ArrayList<>(out.size() * axis.getValue().size());
      for (List<String> prefix : out) {
        for (String v : axis.getValue()) {
          List<String> a = new ArrayList<>(prefix);
          a.add(axis.getKey() + "=" + v);
          next.add(a);
        }
      }
      out = next;
    }
    return out;
  }
}
