package in.nfopslab.core.strategy;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * One declared parameter of a strategy: name, type, default, description and, for enums, the
 * allowed values. Values are held typed: {@link Integer}, {@link Double}, {@link String}, {@link
 * Boolean} or {@link LocalTime} (enums as their lower-case {@link String}). {@link #format} gives
 * the canonical text that params ids hash.
 */
public record ParamSpec(
    String name, ParamType type, Object defaultValue, String description, List<String> allowed) {
  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,39}");
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT);

  public ParamSpec {
    requireNonNull(name, "name is null");
    requireNonNull(type, "type is null");
    requireNonNull(defaultValue, "defaultValue is null");
    requireNonNull(description, "description is null");
    requireNonNull(allowed, "allowed is null");
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "invalid parameter name '" + name + "': expected lower_snake_case");
    }
    allowed = List.copyOf(allowed);
    if (type == ParamType.ENUM) {
      if (allowed.isEmpty()) {
        throw new IllegalArgumentException("enum parameter " + name + " lists no allowed values");
      }
      for (String a : allowed) {
        if (!NAME.matcher(a).matches()) {
          throw new IllegalArgumentException(
              "enum value '" + a + "' of " + name + " is not lower_snake_case");
        }
      }
    } else if (!allowed.isEmpty()) {
      throw new IllegalArgumentException(
          "only enum parameters list allowed values (" + name + " is " + type.label() + ")");
    }
    if (!javaType(type).isInstance(defaultValue)) {
      throw new IllegalArgumentException(
          "default of "
              + name
              + " is a "
              + defaultValue.getClass().getSimpleName()
              + ", not a "
              + type.label());
    }
    if (type == ParamType.ENUM && !allowed.contains(defaultValue)) {
      throw new IllegalArgumentException(
          "default '" + defaultValue + "' of " + name + " is not one of " + allowed);
    }
    if (type == ParamType.DOUBLE && !Double.isFinite((Double) defaultValue)) {
      throw new IllegalArgumentException("default of " + name + " is not finite");
    }
  }

  public static ParamSpec ofInt(String name, int defaultValue, String description) {
    return new ParamSpec(name, ParamType.INT, defaultValue, description, List.of());
  }

  public static ParamSpec ofDouble(String name, double defaultValue, String description) {
    return new ParamSpec(name, ParamType.DOUBLE, defaultValue, description, List.of());
  }

  public static ParamSpec ofString(String name, String defaultValue, String description) {
    return new ParamSpec(name, ParamType.STRING, defaultValue, description, List.of());
  }

  public static ParamSpec ofBoolean(String name, boolean defaultValue, String description) {
    return new ParamSpec(name, ParamType.BOOLEAN, defaultValue, description, List.of());
  }

  public static ParamSpec ofTime(String name, String defaultHhMmSs, String description) {
    return new ParamSpec(
        name, ParamType.TIME, LocalTime.parse(defaultHhMmSs), description, List.of());
  }

  public static ParamSpec ofEnum(
      String name, String defaultValue, String description, String... allowed) {
    return new ParamSpec(name, ParamType.ENUM, defaultValue, description, List.of(allowed));
  }

  /**
   * Parses user text into a typed value, or fails with a message naming the parameter and the
   * expected form.
   */
  public Object parse(String text) {
    requireNonNull(text, "text is null");
    String t = text.trim();
    try {
      switch (type) {
        case INT:
          return Integer.valueOf(t);
        case DOUBLE:
          double d = Double.parseDouble(t);
          if (!Double.isFinite(d)) {
            throw new NumberFormatException("not finite");
          }
          return d;
        case STRING:
          return t;
        case BOOLEAN:
          if (t.equalsIgnoreCase("true")) {
            return Boolean.TRUE;
          }
          if (t.equalsIgnoreCase("false")) {
            return Boolean.FALSE;
          }
          throw new IllegalArgumentException("expected true or false");
        case TIME:
          LocalTime time = LocalTime.parse(t);
          if (time.getNano() != 0) {
            throw new IllegalArgumentException("expected whole seconds");
          }
          return time;
        case ENUM:
          String v = t.toLowerCase(Locale.ROOT);
          if (!allowed.contains(v)) {
            throw new IllegalArgumentException("expected one of " + String.join(", ", allowed));
          }
          return v;
        default:
          throw new AssertionError(type);
      }
    } catch (NumberFormatException | DateTimeParseException e) {
      throw new IllegalArgumentException(
          "parameter " + name + " expects " + expected() + ", got '" + text + "'", e);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "parameter "
              + name
              + " expects "
              + expected()
              + ", got '"
              + text
              + "' ("
              + e.getMessage()
              + ")",
          e);
    }
  }

  /**
   * Canonical text of a value of this parameter: what the params id hashes and {@code nfops
   * strategies} shows.
   */
  public String format(Object value) {
    requireNonNull(value, "value is null");
    switch (type) {
      case DOUBLE:
        return BigDecimal.valueOf((Double) value).stripTrailingZeros().toPlainString();
      case TIME:
        return TIME.format((LocalTime) value);
      default:
        return value.toString();
    }
  }

  private String expected() {
    switch (type) {
      case INT:
        return "an integer";
      case DOUBLE:
        return "a number";
      case TIME:
        return "a time HH:mm:ss";
      case BOOLEAN:
        return "true or false";
      case ENUM:
        return "one of " + String.join(", ", allowed);
      default:
        return "a string";
    }
  }

  static Class<?> javaType(ParamType type) {
    switch (type) {
      case INT:
        return Integer.class;
      case DOUBLE:
        return Double.class;
      case BOOLEAN:
        return Boolean.class;
      case TIME:
        return LocalTime.class;
      default:
        return String.class;
    }
  }
}
