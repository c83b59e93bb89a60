package in.nfopslab.core.strategy;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalTime;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The effective, typed parameter values of one strategy variant: every declared parameter, at its
 * default unless overridden by {@code name=value}. Immutable. {@link #paramsId()} is a short stable
 * hash of the strategy name and the canonical values, so sweeps and resume can key on a variant
 * (see docs/ENGINE.md).
 */
public final class Params {
  private final StrategyDescriptor descriptor;
  private final Map<String, Object> values; // declared order

  private Params(StrategyDescriptor descriptor, Map<String, Object> values) {
    this.descriptor = descriptor;
    this.values = values;
  }

  /** Every parameter at its default. */
  public static Params defaults(StrategyDescriptor descriptor) {
    requireNonNull(descriptor, "descriptor is null");
    Map<String, Object> v = new LinkedHashMap<>();
    for (ParamSpec p : descriptor.params()) {
      v.put(p.name(), p.defaultValue());
    }
    return new Params(descriptor, v);
  }

  /**
   * Defaults overridden by {@code name=value} assignments, applied in order (a later one wins). An
   * unknown name, a missing '=' or a badly typed value is an error that names the parameter and
   * lists the valid ones.
   */
  public static Params parse(StrategyDescriptor descriptor, Collection<String> assignments) {
    requireNonNull(assignments, "assignments is null");
    Params p = defaults(descriptor);
    for (String a : assignments) {
      requireNonNull(a, "assignment is null");
      int eq = a.indexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException(
            "invalid parameter '"
                + a
                + "' for strategy "
                + descriptor.name()
                + ": expected name=value; valid names: "
                + String.join(", ", descriptor.paramNames()));
      }
      p = p.with(a.substring(0, eq).trim(), a.substring(eq + 1));
    }
    return p;
  }

  /** A copy with one parameter set from text. */
  public Params with(String name, String text) {
    ParamSpec spec = descriptor.param(requireNonNull(name, "name is null"));
    Map<String, Object> v = new LinkedHashMap<>(values);
    v.put(name, spec.parse(text));
    return new Params(descriptor, v);
  }

  public StrategyDescriptor descriptor() {
    return descriptor;
  }

  public int getInt(String name) {
    return (Integer) typed(name, ParamType.INT);
  }

  public double getDouble(String name) {
    return (Double) typed(name, ParamType.DOUBLE);
  }

  public boolean getBoolean(String name) {
    return (Boolean) typed(name, ParamType.BOOLEAN);
  }

  public LocalTime getTime(String name) {
    return (LocalTime) typed(name, ParamType.TIME);
  }

  /** A string or enum parameter (enums are lower case). */
  public String getString(String name) {
    ParamSpec spec = descriptor.param(name);
    if (spec.type() != ParamType.STRING && spec.type() != ParamType.ENUM) {
      throw wrongType(spec, "a string");
    }
    return (String) values.get(name);
  }

  /** The standard expiry parameter. */
  public ExpiryChoice expiryChoice() {
    return ExpiryChoice.parse(getString(StrategyDescriptor.EXPIRY_PARAM));
  }

  /** Canonical text of every value, in declared order. */
  public Map<String, String> asText() {
    Map<String, String> out = new LinkedHashMap<>();
    for (ParamSpec p : descriptor.params()) {
      out.put(p.name(), p.format(values.get(p.name())));
    }
    return out;
  }

  /**
   * The text the params id hashes: the strategy name, then {@code name=value} lines sorted by name,
   * with canonical values (doubles without trailing zeros, times HH:mm:ss), so the id does not
   * depend on how values were typed.
   */
  public String canonical() {
    StringBuilder sb = new StringBuilder(descriptor.name());
    for (Map.Entry<String, String> e : new TreeMap<>(asText()).entrySet()) {
      sb.append('\n').append(e.getKey()).append('=').append(e.getValue());
    }
    return sb.toString();
  }

  /** First 12 hex digits of the SHA-256 of {@link #canonical()}. */
  public String paramsId() {
    try {
      byte[] h =
          MessageDigest.getInstance("SHA-256").digest(canonical().getBytes(StandardCharsets.UTF_8));
      StringBuilder sb = new StringBuilder(12);
      for (int i = 0; i < 6; i++) {
        sb.append(Character.forDigit((h[i] >> 4) & 0xF, 16))
            .append(Character.forDigit(h[i] & 0xF, 16));
      }
      return sb.toString();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JDK", e);
    }
  }

  private Object typed(String name, ParamType type) {
    ParamSpec spec = descriptor.param(name);
    if (spec.type() != type) {
      throw wrongType(spec, "a " + type.label());
    }
    return values.get(name);
  }

  private IllegalArgumentException wrongType(ParamSpec spec, String asked) {
    return new IllegalArgumentException(
        "parameter "
            + spec.name()
            + " of "
            + descriptor.name()
            + " is a "
            + spec.type().label()
            + ", not "
            + asked);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Params
        && ((Params) o).descriptor.name().equals(descriptor.name())
        && ((Params) o).values.equals(values);
  }

  @Override
  public int hashCode() {
    return descriptor.name().hashCode() * 31 + values.hashCode();
  }

  @Override
  public String toString() {
    return descriptor.name() + asText();
  }
}
