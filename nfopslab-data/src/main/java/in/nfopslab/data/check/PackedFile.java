package in.nfopslab.data.check;

import static java.util.Objects.requireNonNull;

import in.nfopslab.core.instrument.OptionType;
import in.nfopslab.core.instrument.Symbol;
import java.nio.file.Path;
import java.time.LocalDate;

/**
 * One packed file and what its path says it holds: a spot day ({@code date}), a futures contract
 * ({@code expiry}) or an option ({@code expiry}, {@code type}, {@code strike}). The checker
 * compares the file's content with this.
 */
public record PackedFile(
    Kind kind,
    Symbol symbol,
    Path path,
    LocalDate date,
    LocalDate expiry,
    OptionType type,
    int strike) {
  /** Which folder of the packed layout the file is in. */
  public enum Kind {
    SPOT,
    FUTURES,
    OPTION
  }

  public PackedFile {
    requireNonNull(kind, "kind is null");
    requireNonNull(symbol, "symbol is null");
    requireNonNull(path, "path is null");
    if (kind == Kind.SPOT ? date == null : expiry == null) {
      throw new IllegalArgumentException(
          kind + " file " + path + " needs its " + (kind == Kind.SPOT ? "date" : "expiry"));
    }
    if (kind == Kind.OPTION && type == null) {
      throw new IllegalArgumentException("option file " + path + " needs its type");
    }
  }

  public static PackedFile spot(Symbol symbol, Path path, LocalDate date) {
    return new PackedFile(Kind.SPOT, symbol, path, date, null, null, 0);
  }

  public static PackedFile futures(Symbol symbol, Path path, LocalDate expiry) {
    return new PackedFile(Kind.FUTURES, symbol, path, null, expiry, null, 0);
  }

  public static PackedFile option(
      Symbol symbol, Path path, LocalDate expiry, OptionType type, int strike) {
    return new PackedFile(Kind.OPTION, symbol, path, null, expiry, type, strike);
  }
}
