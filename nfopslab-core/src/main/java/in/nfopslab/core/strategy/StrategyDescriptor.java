package in.nfopslab.core.strategy;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What {@code nfops strategies} shows about a strategy: its command-line name, a one-line
 * description, its parameters and its default expiry. Every strategy also gets the standard {@code
 * expiry} parameter (nearest, next or monthly, defaulting to {@code defaultExpiry}), appended here
 * so that no strategy declares it twice. {@code writesStance} marks strategies that write stance
 * rows instead of (or besides) trades.
 */
public record StrategyDescriptor(
    String name,
    String description,
    List<ParamSpec> params,
    ExpiryChoice defaultExpiry,
    boolean writesStance) {
  /** Name of the standard parameter every strategy has. */
  public static final String EXPIRY_PARAM = "expiry";

  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,39}");

  public StrategyDescriptor {
    requireNonNull(name, "name is null");
    requireNonNull(description, "description is null");
    requireNonNull(params, "params is null");
    requireNonNull(defaultExpiry, "defaultExpiry is null");
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "invalid strategy name '" + name + "': expected lower_snake_case");
    }
    Set<String> seen = new HashSet<>();
    List<ParamSpec> all = new ArrayList<>(params.size() + 1);
    for (ParamSpec p : params) {
      requireNonNull(p, "parameter is null");
      if (p.name().equals(EXPIRY_PARAM)) {
        throw new IllegalArgumentException(
            "strategy "
                + name
                + " declares '"
                + EXPIRY_PARAM
                + "', which is standard: set defaultExpiry instead");
      }
      if (!seen.add(p.name())) {
        throw new IllegalArgumentException(
            "strategy " + name + " declares parameter " + p.name() + " twice");
      }
      all.add(p);
    }
    all.add(
        ParamSpec.ofEnum(
            EXPIRY_PARAM,
            defaultExpiry.label(),
            "option expiry traded: nearest, next or monthly",
            "nearest",
            "next",
            "monthly"));
    params = List.copyOf(all);
  }

  public StrategyDescriptor(
      String name, String description, List<ParamSpec> params, ExpiryChoice defaultExpiry) {
    this(name, description, params, defaultExpiry, false);
  }

  /** The parameter of that name, or an error listing the valid names. */
  public ParamSpec param(String paramName) {
    for (ParamSpec p : params) {
      if (p.name().equals(paramName)) {
        return p;
      }
    }
    throw new IllegalArgumentException(
        "unknown parameter '"
            + paramName
            + "' for strategy "
            + name
            + "; valid: "
            + String.join(", ", paramNames()));
  }

  public List<String> paramNames() {
    List<String> names = new ArrayList<>(params.size());
    for (ParamSpec p : params) {
      names.add(p.name());
    }
    return names;
  }

  /**
   * Multi-line text for {@code nfops strategies}: name, description, then one line per parameter.
   */
  public String usage() {
    StringBuilder sb = new StringBuilder();
    sb.append(name).append(" - ").append(description).append('\n');
    for (ParamSpec p : params) {
      sb.append("    ").append(p.name()).append(" (").append(p.type().label());
      if (!p.allowed().isEmpty()) {
        sb.append(": ").append(String.join("|", p.allowed()));
      }
      sb.append(", default ")
          .append(p.format(p.defaultValue()))
          .append(") ")
          .append(p.description())
          .append('\n');
    }
    return sb.toString();
  }
}
