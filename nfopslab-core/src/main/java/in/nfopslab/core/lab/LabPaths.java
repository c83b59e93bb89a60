package in.nfopslab.core.lab;

import static java.util.Objects.requireNonNull;

import in.nfopslab.core.instrument.OptionType;
import in.nfopslab.core.instrument.Symbol;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/**
 * Where a lab keeps things: packed data, meta tables and backtest outputs, in the layout of the
 * design. Every command resolves paths through this one record, so --root/--data/--meta/--out mean
 * the same everywhere.
 */
public record LabPaths(Path root, Path data, Path meta, Path out) {
  private static final DateTimeFormatter YYYYMM = DateTimeFormatter.ofPattern("yyyyMM");

  public LabPaths {
    requireNonNull(root, "root is null");
    requireNonNull(data, "data is null");
    requireNonNull(meta, "meta is null");
    requireNonNull(out, "out is null");
  }

  /** The default layout under one root: data/, meta/, backtests/. */
  public static LabPaths of(Path root) {
    Path r = root.toAbsolutePath().normalize();
    return new LabPaths(r, r.resolve("data"), r.resolve("meta"), r.resolve("backtests"));
  }

  public Path packed() {
    return data.resolve("packed");
  }

  public Path spotDir(Symbol symbol) {
    return packed().resolve("spot").resolve(symbol.name());
  }

  public Path optionsDir(Symbol symbol) {
    return packed().resolve("options").resolve(symbol.name());
  }

  public Path futuresDir(Symbol symbol) {
    return packed().resolve("futures").resolve(symbol.name());
  }

  /**
   * {@code packed/spot/{SYMBOL}/{YYYYMM}/date={YYYY-MM-DD}/ticks.parquet}, YYYYMM of the trade
   * date.
   */
  public Path spotFile(Symbol symbol, LocalDate date) {
    return spotDir(symbol)
        .resolve(YYYYMM.format(date))
        .resolve("date=" + date)
        .resolve("ticks.parquet");
  }

  /**
   * {@code packed/options/{SYMBOL}/{YYYYMM}/exp={E}/type={CE|PE}/strike={K}.parquet}, YYYYMM of the
   * expiry.
   */
  public Path optionFile(Symbol symbol, LocalDate expiry, OptionType type, int strike) {
    return optionsDir(symbol)
        .resolve(YYYYMM.format(expiry))
        .resolve("exp=" + expiry)
        .resolve("type=" + type.name())
        .resolve("strike=" + strike + ".parquet");
  }

  /** {@code packed/futures/{SYMBOL}/{YYYYMM}/exp={E}/ticks.parquet}, YYYYMM of the expiry. */
  public Path futuresFile(Symbol symbol, LocalDate expiry) {
    return futuresDir(symbol)
        .resolve(YYYYMM.format(expiry))
        .resolve("exp=" + expiry)
        .resolve("ticks.parquet");
  }

  public Path expiryCalendarCsv() {
    return meta.resolve("expiry_calendar.csv");
  }

  public Path manifestCsv() {
    return meta.resolve("packed_manifest.csv");
  }

  public Path results() {
    return out.resolve("results");
  }

  public Path logs() {
    return out.resolve("logs");
  }

  public Path cache() {
    return out.resolve("cache");
  }

  public Path secondsCache() {
    return cache().resolve("seconds");
  }
}
