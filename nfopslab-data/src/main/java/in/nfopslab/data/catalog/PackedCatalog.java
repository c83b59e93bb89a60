package in.nfopslab.data.catalog;

import static java.util.Objects.requireNonNull;

import in.nfopslab.core.instrument.OptionType;
import in.nfopslab.core.instrument.Symbol;
import in.nfopslab.core.io.AtomicFiles;
import in.nfopslab.core.lab.LabPaths;
import in.nfopslab.data.generate.ManifestCsv;
import in.nfopslab.data.generate.ManifestEntry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The packed files of one symbol, discovered from the partition paths of the design's layout, so
 * that pruning by expiry, type, strike and date happens before any file is opened. Names that do
 * not fit the layout are ignored (and logged at debug level); temporary files of interrupted
 * writers are never listed.
 *
 * <p>{@link #load} uses meta/packed_manifest.csv when it is present and fresh (newer than every
 * partition folder of the symbol, so no file was added, removed or renamed since it was written):
 * no strike folder is listed, and the manifest's per-file time range lets readers skip a file that
 * has no tick on a day. Otherwise, and always with {@link #scan}, the folders are listed.
 */
public final class PackedCatalog {
  private static final Logger LOG = LoggerFactory.getLogger(PackedCatalog.class);
  private static final Pattern MONTH = Pattern.compile("\\d{6}");
  private static final Pattern EXP = Pattern.compile("exp=(\\d{4}-\\d{2}-\\d{2})");
  private static final Pattern DATE = Pattern.compile("date=(\\d{4}-\\d{2}-\\d{2})");
  private static final Pattern TYPE = Pattern.compile("type=(CE|PE)");
  private static final Pattern STRIKE = Pattern.compile("strike=(\\d{1,7})\\.parquet");

  /**
   * Catalogs recently built from a manifest, by manifest, data folder, manifest size and time, and
   * symbol (a few: a command reads one lab).
   */
  private static final Map<String, PackedCatalog> RECENT =
      new LinkedHashMap<>(8, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, PackedCatalog> eldest) {
          return size() > 4;
        }
      };

  private final Symbol symbol;
  private final String source;
  private final Map<Path, long[]> ranges; // file -> {tmin, tmax, rows} from the manifest
  private final long manifestMillis;
  private final NavigableMap<LocalDate, Path> spot;
  private final NavigableMap<LocalDate, Path> futures;
  private final NavigableMap<LocalDate, Map<OptionType, NavigableMap<Integer, Path>>> options;

  private PackedCatalog(
      Symbol symbol,
      NavigableMap<LocalDate, Path> spot,
      NavigableMap<LocalDate, Path> futures,
      NavigableMap<LocalDate, Map<OptionType, NavigableMap<Integer, Path>>> options,
      String source,
      Map<Path, long[]> ranges,
      long manifestMillis) {
    this.symbol = symbol;
    this.source = source;
    this.ranges = ranges;
    this.manifestMillis = manifestMillis;
    this.spot = Collections.unmodifiableNavigableMap(spot);
    this.futures = Collections.unmodifiableNavigableMap(futures);
    this.options = Collections.unmodifiableNavigableMap(options);
  }

  /**
   * Lists the packed folders of {@code symbol}. A missing folder is an empty catalog, not an error.
   */
  public static PackedCatalog scan(LabPaths paths, Symbol symbol) {
    requireNonNull(paths, "paths is null");
    requireNonNull(symbol, "symbol is null");
    NavigableMap<LocalDate, Path> spot = new TreeMap<>();
    for (Path month : dirs(paths.spotDir(symbol), MONTH)) {
      for (Path dateDir : dirs(month, DATE)) {
        LocalDate d = date(DATE, dateDir);
        Path f = dateDir.resolve("ticks.parquet");
        if (d != null && Files.isRegularFile(f)) {
          spot.put(d, f);
        }
      }
    }
    NavigableMap<LocalDate, Path> futures = new TreeMap<>();
    for (Path month : dirs(paths.futuresDir(symbol), MONTH)) {
      for (Path expDir : dirs(month, EXP)) {
        LocalDate e = date(EXP, expDir);
        Path f = expDir.resolve("ticks.parquet");
        if (e != null && Files.isRegularFile(f)) {
          futures.put(e, f);
        }
      }
    }
    NavigableMap<LocalDate, Map<OptionType, NavigableMap<Integer, Path>>> options = new TreeMap<>();
    for (Path month : dirs(paths.optionsDir(symbol), MONTH)) {
      for (Path expDir : dirs(month, EXP)) {
        LocalDate e = date(EXP, expDir);
        if (e == null) {
          continue;
        }
        for (Path typeDir : dirs(expDir, TYPE)) {
          Matcher tm = TYPE.matcher(typeDir.getFileName().toString());
          if (!tm.matches()) {
            continue;
          }
          OptionType type = OptionType.valueOf(tm.group(1));
          NavigableMap<Integer, Path> strikes = new TreeMap<>();
          for (Path f : list(typeDir)) {
            Matcher sm = STRIKE.matcher(f.getFileName().toString());
            if (sm.matches() && Files.isRegularFile(f)) {
              strikes.put(Integer.parseInt(sm.group(1)), f);
            } else if (!AtomicFiles.isTemporary(f)) {
              LOG.debug("ignoring {}: not strike=K.parquet", f);
            }
          }
          if (!strikes.isEmpty()) {
            options
                .computeIfAbsent(e, k -> new EnumMap<>(OptionType.class))
                .put(type, Collections.unmodifiableNavigableMap(strikes));
          }
        }
      }
    }
    return new PackedCatalog(symbol, spot, futures, options, "scan", Map.of(), 0L);
  }

  /** From the manifest when it is present and fresh, else by listing the folders. */
  public static PackedCatalog load(LabPaths paths, Symbol symbol) {
    Path manifest = paths.manifestCsv();
    if (Files.isRegularFile(manifest)) {
      try {
        BasicFileAttributes a = Files.readAttributes(manifest, BasicFileAttributes.class);
        long millis = a.lastModifiedTime().toMillis();
        if (isFresh(paths, symbol, millis)) {
          // the same manifest, unchanged, gives the same catalog: a command over several symbols
          // (and a run's basket members) parses it once per symbol instead of once per use
          String key =
              manifest.toAbsolutePath().normalize()
                  + "|"
                  + paths.data().toAbsolutePath().normalize()
                  + "|"
                  + a.size()
                  + "|"
                  + millis
                  + "|"
                  + symbol;
          synchronized (RECENT) {
            PackedCatalog known = RECENT.get(key);
            if (known != null) {
              return known;
            }
          }
          PackedCatalog c = fromManifest(paths, symbol, ManifestCsv.read(manifest), millis);
          synchronized (RECENT) {
            RECENT.put(key, c);
          }
          return c;
        }
        LOG.info(
            "{} is older than the packed folders of {}: listing the folders instead",
            manifest,
            symbol);
      } catch (IOException | RuntimeException e) {
        LOG.warn("ignoring {}: {}", manifest, e.getMessage());
      }
    }
    return scan(paths, symbol);
  }

  /**
   * Every partition folder of the symbol (down to type=, not the files) is at most as new as the
   * manifest.
   */
  static boolean isFresh(LabPaths paths, Symbol symbol, long manifestMillis) throws IOException {
    List<Path> dirs = new ArrayList<>();
    for (Path root :
        List.of(paths.spotDir(symbol), paths.futuresDir(symbol), paths.optionsDir(symbol))) {
      if (!Files.isDirectory(root)) {
        continue;
      }
      dirs.add(root);
      for (Path month : dirs(root, MONTH)) {
        dirs.add(month);
        for (Path sub : list(month)) {
          if (Files.isDirectory(sub)) {
            dirs.add(sub);
            if (root.equals(paths.optionsDir(symbol))) {
              dirs.addAll(dirs(sub, TYPE));
            }
          }
        }
      }
    }
    for (Path d : dirs) {
      if (Files.getLastModifiedTime(d).toMillis() > manifestMillis) {
        return false;
      }
    }
    return true;
  }

  private static PackedCatalog fromManifest(
      LabPaths paths, Symbol symbol, List<ManifestEntry> entries, long millis) {
    NavigableMap<LocalDate, Path> spot = new TreeMap<>();
    NavigableMap<LocalDate, Path> futures = new TreeMap<>();
    NavigableMap<LocalDate, Map<OptionType, NavigableMap<Integer, Path>>> options = new TreeMap<>();
    Map<Path, long[]> ranges = new java.util.HashMap<>();
    for (ManifestEntry e : entries) {
      if (!e.symbol().equals(symbol)) {
        continue;
      }
      Path file = paths.data().resolve(e.path()).normalize();
      if (!file.startsWith(paths.data())) {
        throw new IllegalArgumentException("manifest path leaves the data folder: " + e.path());
      }
      ranges.put(file, new long[] {e.tminNanos(), e.tmaxNanos(), e.rows()});
      switch (e.kind()) {
        case OPTION:
          options
              .computeIfAbsent(e.expiry(), k -> new EnumMap<>(OptionType.class))
              .computeIfAbsent(e.optType(), k -> new TreeMap<>())
              .put(e.strike(), file);
          break;
        case FUTURES:
          futures.put(e.expiry(), file);
          break;
        default:
          LocalDate d = date(DATE, file.getParent());
          if (d != null) {
            spot.put(d, file);
          }
      }
    }
    return new PackedCatalog(symbol, spot, futures, options, "manifest", ranges, millis);
  }

  /** "manifest" or "scan": how the catalog was built. */
  public String source() {
    return source;
  }

  /**
   * False only when the manifest proves {@code file} has no tick in [fromNanos, toNanos): it lists
   * the file with a time range outside the window, and the file has not changed since the manifest
   * was written.
   */
  public boolean mayHaveTicks(Path file, long fromNanos, long toNanos, long fileMillis) {
    long[] r = ranges.get(file);
    if (r == null || fileMillis > manifestMillis) {
      return true;
    }
    return r[2] > 0 && r[0] < toNanos && r[1] >= fromNanos;
  }

  public Symbol symbol() {
    return symbol;
  }

  /** Trade dates with a spot file, ascending. */
  public NavigableMap<LocalDate, Path> spotFiles() {
    return spot;
  }

  public Path spotFile(LocalDate date) {
    return spot.get(date);
  }

  public NavigableMap<LocalDate, Path> futuresFiles() {
    return futures;
  }

  /** The futures file of the first futures expiry on or after {@code date}, or null. */
  public Path nearestFutures(LocalDate date) {
    Map.Entry<LocalDate, Path> e = futures.ceilingEntry(date);
    return e == null ? null : e.getValue();
  }

  /** Option expiries with at least one file, ascending. */
  public List<LocalDate> optionExpiries() {
    return new ArrayList<>(options.keySet());
  }

  /** Option expiries on or after {@code date}. */
  public List<LocalDate> optionExpiriesFrom(LocalDate date) {
    return new ArrayList<>(options.tailMap(date, true).keySet());
  }

  /** Strike to file for one expiry and type; empty when there are none. */
  public NavigableMap<Integer, Path> optionFiles(LocalDate expiry, OptionType type) {
    Map<OptionType, NavigableMap<Integer, Path>> m = options.get(expiry);
    NavigableMap<Integer, Path> s = m == null ? null : m.get(type);
    return s == null ? Collections.emptyNavigableMap() : s;
  }

  public int optionFileCount() {
    int n = 0;
    for (Map<OptionType, NavigableMap<Integer, Path>> m : options.values()) {
      for (NavigableMap<Integer, Path> s : m.values()) {
        n += s.size();
      }
    }
    return n;
  }

  private static LocalDate date(Pattern p, Path dir) {
    Matcher m = p.matcher(dir.getFileName().toString());
    if (!m.matches()) {
      return null;
    }
    try {
      return LocalDate.parse(m.group(1));
    } catch (DateTimeParseException e) {
      LOG.warn("ignoring {}: not a valid date", dir);
      return null;
    }
  }

  private static List<Path> dirs(Path parent, Pattern name) {
    List<Path> out = new ArrayList<>();
    for (Path p : list(parent)) {
      if (name.matcher(p.getFileName().toString()).matches() && Files.isDirectory(p)) {
        out.add(p);
      }
    }
    return out;
  }

  private static List<Path> list(Path dir) {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    List<Path> out = new ArrayList<>();
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
      for (Path p : ds) {
        out.add(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir + ": " + e.getMessage(), e);
    }
    Collections.sort(out);
    return out;
  }
}
