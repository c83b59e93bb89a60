package in.nfopslab.data.check;

import static java.util.Objects.requireNonNull;

import in.nfopslab.core.instrument.OptionType;
import in.nfopslab.core.instrument.Symbol;
import in.nfopslab.core.io.AtomicFiles;
import in.nfopslab.core.lab.LabPaths;
import in.nfopslab.data.catalog.PackedCatalog;
import in.nfopslab.data.meta.MetaTables;
import in.nfopslab.data.read.DataFileException;
import in.nfopslab.data.read.TickBatch;
import in.nfopslab.data.read.TickReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;
import org.apache.parquet.io.InputFile;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.SeekableInputStream;
import org.apache.parquet.schema.MessageType;

/**
 * {@code nfops data check}: the invariants a careful user checks on packed data, file by file. Path
 * against content (symbol, opt_type, strike, expiry, trade date), timestamps (inside the session,
 * not 1970, not after the expiry, ordered, no duplicates), OHLC consistency, prices above zero,
 * {@code vol_delta >= 0}, and options whose close never moves on a day while volume trades. Files
 * that cannot be read at all are findings too (the reader's fault: not Parquet, truncated, empty,
 * missing or mistyped columns, all timestamps null or before 2000).
 *
 * <p>Files are read through {@link TickReader} (the same reader runs use, so a file it rejects here
 * fails a run too) on a pool of the given size; each file's findings are independent of the others.
 */
public final class DataChecker {
  /**
   * Option and futures files are selected by expiry: those expiring up to this long after --end can
   * hold its days.
   */
  static final int EXPIRY_REACH_DAYS = 40;

  /**
   * A window wider than any real timestamp, so the reader drops nothing by time and counts pre-2000
   * rows.
   */
  private static final long FROM = -(1L << 62);

  private static final long TO = 1L << 62;
  private static final List<String> OHLC = List.of("open", "high", "low");

  /**
   * What to check: {@code symbols} empty means every symbol folder found; null dates mean no limit.
   */
  public record Config(
      LabPaths paths, List<Symbol> symbols, LocalDate start, LocalDate end, int workers) {
    public Config {
      requireNonNull(paths, "paths is null");
      symbols = List.copyOf(symbols);
      if (start != null && end != null && start.isAfter(end)) {
        throw new IllegalArgumentException("--start " + start + " is after --end " + end);
      }
      if (workers < 1) {
        throw new IllegalArgumentException("--max-workers must be at least 1, got " + workers);
      }
    }
  }

  private final MetaTables meta;
  private final TickReader reader;

  public DataChecker(MetaTables meta, TickReader reader) {
    this.meta = requireNonNull(meta, "meta is null");
    this.reader = requireNonNull(reader, "reader is null");
  }

  public CheckReport check(Config config) throws InterruptedException {
    List<Symbol> symbols =
        config.symbols().isEmpty() ? symbolsFound(config.paths()) : config.symbols();
    List<PackedFile> files = new ArrayList<>();
    List<Finding> findings = new ArrayList<>();
    for (Symbol s : symbols) {
      PackedCatalog catalog = PackedCatalog.scan(config.paths(), s);
      List<PackedFile> mine = select(catalog, config.paths(), config.start(), config.end());
      files.addAll(mine);
      findings.addAll(strayFiles(config.paths(), s, mine));
    }
    Map<PackedFile.Kind, Integer> byKind = new EnumMap<>(PackedFile.Kind.class);
    for (PackedFile f : files) {
      byKind.merge(f.kind(), 1, Integer::sum);
    }
    ForkJoinPool pool = new ForkJoinPool(config.workers());
    try {
      List<Future<List<Finding>>> futures = new ArrayList<>();
      for (PackedFile f : files) {
        futures.add(pool.submit(() -> checkFile(f)));
      }
      for (Future<List<Finding>> f : futures) {
        try {
          findings.addAll(f.get());
        } catch (ExecutionException e) {
          throw new IllegalStateException(
              "data check failed: " + e.getCause().getMessage(), e.getCause());
        }
      }
    } finally {
      pool.shutdownNow();
      pool.awaitTermination(1, TimeUnit.MINUTES);
    }
    findings.sort(
        Comparator.comparing((Finding f) -> f.file().toString())
            .thenComparing(Finding::severity)
            .thenComparing(Finding::check));
    return new CheckReport(byKind, findings);
  }

  /** The findings of one file; never throws for a bad file (its fault is a finding). */
  public List<Finding> checkFile(PackedFile f) {
    Path file = f.path();
    List<Finding> out = new ArrayList<>();
    InputFile in = new LocalInputFile(file);
    ParquetMetadata footer;
    try (SeekableInputStream stream = in.newStream()) {
      footer =
          ParquetFileReader.readFooter(
              in, ParquetReadOptions.builder(new PlainParquetConfiguration()).build(), stream);
    } catch (IOException | RuntimeException e) {
      String why = String.valueOf(e.getMessage()).replace(in + " ", "");
      out.add(
          Finding.error(file, "not_parquet", 1, "not a Parquet file or truncated (" + why + ")"));
      return out;
    }
    MessageType schema = footer.getFileMetaData().getSchema();
    boolean ohlc = OHLC.stream().allMatch(schema::containsField);
    if (!ohlc && f.kind() != PackedFile.Kind.SPOT) {
      out.add(
          Finding.warning(
              file, "no_ohlc", 1, "no open/high/low columns: OHLC consistency not checked"));
    }
    try (TickBatch batch = reader.read(file, FROM, TO, ohlc)) {
      out.addAll(TickChecks.check(f, batch, meta.sessions(), meta.calendar()));
    } catch (DataFileException e) {
      out.add(
          Finding.error(
              file, e.fault().name().toLowerCase(java.util.Locale.ROOT), 1, e.getMessage()));
      return out;
    }
    try {
      out.addAll(IdentityColumns.check(file, in, footer, expectations(f, schema)));
    } catch (IOException | RuntimeException e) {
      out.add(
          Finding.error(
              file, "unreadable", 1, "cannot read the identity columns: " + e.getMessage()));
    }
    return out;
  }

  private static List<IdentityColumns.Expect> expectations(PackedFile f, MessageType schema) {
    List<IdentityColumns.Expect> e = new ArrayList<>();
    switch (f.kind()) {
      case SPOT -> {
        e.add(new IdentityColumns.Expect("symbol", f.symbol().name(), "symbol_mismatch"));
        e.add(new IdentityColumns.Expect("trade_date", f.date(), "trade_date_mismatch"));
      }
      case FUTURES -> {
        e.add(new IdentityColumns.Expect("symbol", f.symbol().name(), "symbol_mismatch"));
        e.add(new IdentityColumns.Expect("expiry", f.expiry(), "expiry_mismatch"));
      }
      case OPTION -> {
        e.add(new IdentityColumns.Expect("symbol", f.symbol().name(), "symbol_mismatch"));
        e.add(new IdentityColumns.Expect("opt_type", f.type().name(), "type_mismatch"));
        e.add(new IdentityColumns.Expect("strike", f.strike(), "strike_mismatch"));
        e.add(new IdentityColumns.Expect("expiry", f.expiry(), "expiry_mismatch"));
      }
    }
    // spot and futures files may lack these columns (the design makes them optional there); options
    // may not
    if (f.kind() != PackedFile.Kind.OPTION) {
      e.removeIf(x -> !schema.containsField(x.column()));
    }
    return e;
  }

  /**
   * The catalog's files inside the date range: spot by trade date, futures and options by expiry.
   */
  static List<PackedFile> select(
      PackedCatalog catalog, LabPaths paths, LocalDate start, LocalDate end) {
    Symbol s = catalog.symbol();
    LocalDate from = start == null ? LocalDate.MIN : start;
    LocalDate to = end == null ? LocalDate.MAX : end;
    LocalDate expiryTo = end == null ? LocalDate.MAX : end.plusDays(EXPIRY_REACH_DAYS);
    List<PackedFile> out = new ArrayList<>();
    for (Map.Entry<LocalDate, Path> e :
        catalog.spotFiles().subMap(from, true, to, true).entrySet()) {
      out.add(PackedFile.spot(s, e.getValue(), e.getKey()));
    }
    for (Map.Entry<LocalDate, Path> e :
        catalog.futuresFiles().subMap(from, true, expiryTo, true).entrySet()) {
      out.add(PackedFile.futures(s, e.getValue(), e.getKey()));
    }
    for (LocalDate exp : catalog.optionExpiries()) {
      if (exp.isBefore(from) || exp.isAfter(expiryTo)) {
        continue;
      }
      for (OptionType t : OptionType.values()) {
        NavigableMap<Integer, Path> strikes = catalog.optionFiles(exp, t);
        for (Map.Entry<Integer, Path> k : strikes.entrySet()) {
          out.add(PackedFile.option(s, k.getValue(), exp, t, k.getKey()));
        }
      }
    }
    return out;
  }

  /**
   * Parquet files under the symbol's folders that runs never read, because their path does not fit
   * the layout.
   */
  private static List<Finding> strayFiles(LabPaths paths, Symbol s, List<PackedFile> selected) {
    Set<Path> known = new HashSet<>();
    for (PackedFile f : selected) {
      known.add(f.path().toAbsolutePath().normalize());
    }
    PackedCatalog all = PackedCatalog.scan(paths, s);
    for (PackedFile f : select(all, paths, null, null)) {
      known.add(f.path().toAbsolutePath().normalize());
    }
    List<Finding> out = new ArrayList<>();
    for (Path root : List.of(paths.spotDir(s), paths.futuresDir(s), paths.optionsDir(s))) {
      if (!Files.isDirectory(root)) {
        continue;
      }
      try (Stream<Path> walk = Files.walk(root)) {
        for (Path p : (Iterable<Path>) walk.filter(Files::isRegularFile)::iterator) {
          if (p.getFileName().toString().endsWith(".parquet")
              && !AtomicFiles.isTemporary(p)
              && !known.contains(p.toAbsolutePath().normalize())) {
            out.add(
                Finding.warning(
                    p,
                    "not_in_layout",
                    1,
                    "the path does not fit the packed layout: runs never read this file"));
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot list " + root + ": " + e.getMessage(), e);
      }
    }
    return out;
  }

  /** Symbol folders under packed/spot, packed/futures and packed/options. */
  static List<Symbol> symbolsFound(LabPaths paths) {
    TreeSet<String> names = new TreeSet<>();
    for (String kind : List.of("spot", "futures", "options")) {
      Path dir = paths.packed().resolve(kind);
      if (!Files.isDirectory(dir)) {
        continue;
      }
      try (Stream<Path> s = Files.list(dir)) {
        s.filter(Files::isDirectory).map(p -> p.getFileName().toString()).forEach(names::add);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot list " + dir + ": " + e.getMessage(), e);
      }
    }
    List<Symbol> out = new ArrayList<>();
    for (String n : names) {
      try {
        Symbol s = new Symbol(n);
        out.add(s);
      } catch (IllegalArgumentException e) {
        // not a symbol folder (a stray name): nothing a run would read
      }
    }
    return out;
  }
}
