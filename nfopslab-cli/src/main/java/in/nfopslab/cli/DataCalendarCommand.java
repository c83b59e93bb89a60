package in.nfopslab.cli;

import in.nfopslab.core.calendar.ExpiryCalendarBuilder;
import in.nfopslab.core.calendar.ExpiryEntry;
import in.nfopslab.core.calendar.ExpiryType;
import in.nfopslab.core.lab.LabPaths;
import in.nfopslab.data.meta.ExpiryCalendarCsv;
import in.nfopslab.data.meta.MetaCsv;
import in.nfopslab.data.meta.MetaTables;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code nfops data calendar}: regenerates meta/expiry_calendar.csv from meta/expiry_rules.csv and
 * meta/holidays.csv (the lab's copies, else the bundled ones). Here --out is the calendar file, not
 * the backtests folder, so the command declares --root and --meta itself (same meaning as
 * everywhere) instead of mixing in {@link LabOptions}.
 */
@Command(
    name = "calendar",
    mixinStandardHelpOptions = true,
    description = {
      "Generate the expiry calendar (meta/expiry_calendar.csv) from the expiry rules and the holiday list.",
      "A contract expiring on a holiday moves to the previous trading day; weeklies are not listed in the week of "
          + "the monthly expiry."
    })
final class DataCalendarCommand implements Callable<Integer> {
  /** The command's options, resolved once: what to read, which months, where to write. */
  record Config(Path metaDir, YearMonth from, YearMonth to, Path outFile) {}

  @Spec CommandSpec spec;

  @Option(
      names = "--root",
      paramLabel = "DIR",
      description = "Lab folder (default: the current directory).")
  Path root;

  @Option(
      names = "--meta",
      paramLabel = "DIR",
      description = "Meta tables folder (default: ROOT/meta).")
  Path meta;

  @Option(
      names = "--from",
      paramLabel = "YYYY-MM",
      description = "First contract month (default: the rules' first).")
  YearMonth from;

  @Option(
      names = "--to",
      paramLabel = "YYYY-MM",
      description = "Last contract month (default: the rules' last).")
  YearMonth to;

  @Option(
      names = "--out",
      paramLabel = "FILE",
      description = "File to write (default: META/expiry_calendar.csv).")
  Path out;

  @Override
  public Integer call() throws Exception {
    LabPaths lab = LabPaths.of(root == null ? Path.of("") : root);
    Path metaDir = meta == null ? lab.meta() : meta.toAbsolutePath().normalize();
    Path outFile =
        out == null
            ? metaDir.resolve(MetaTables.EXPIRY_CALENDAR)
            : out.toAbsolutePath().normalize();
    MetaTables tables = MetaTables.load(metaDir);
    ExpiryCalendarBuilder builder =
        new ExpiryCalendarBuilder(tables.expiryRules(), tables.calendar());
    Config config =
        new Config(
            metaDir,
            from == null ? builder.firstMonth() : from,
            to == null ? builder.lastMonth() : to,
            outFile);
    List<ExpiryEntry> entries = builder.build(config.from(), config.to());
    ExpiryCalendarCsv.write(config.outFile(), entries, tables.calendar());
    spec.commandLine().getOut().println(summary(config, entries));
    return 0;
  }

  private static String source(Path metaDir, String table) {
    return MetaCsv.isInLab(metaDir, table)
        ? metaDir.resolve(table).toString()
        : "bundled meta/" + table;
  }

  private static String summary(Config config, List<ExpiryEntry> entries) {
    Map<String, int[]> counts = new TreeMap<>();
    int shifted = 0;
    for (ExpiryEntry e : entries) {
      counts
          .computeIfAbsent(e.instrument().name(), k -> new int[2])[
          e.type() == ExpiryType.WEEKLY ? 0 : 1]++;
      shifted += e.shifted() ? 1 : 0;
    }
    StringBuilder sb = new StringBuilder();
    sb.append("wrote ")
        .append(entries.size())
        .append(" expiries ")
        .append(config.from())
        .append("..")
        .append(config.to());
    counts.forEach(
        (s, c) ->
            sb.append(", ")
                .append(s)
                .append(' ')
                .append(c[0])
                .append(" weekly + ")
                .append(c[1])
                .append(" monthly"));
    sb.append(", ")
        .append(shifted)
        .append(" moved back for holidays, to ")
        .append(config.outFile());
    // a mistyped --meta silently falls back to the bundled tables, so say where the inputs came
    // from
    sb.append(System.lineSeparator())
        .append("  from ")
        .append(source(config.metaDir(), MetaTables.EXPIRY_RULES));
    sb.append(" and ").append(source(config.metaDir(), MetaTables.HOLIDAYS));
    return sb.toString();
  }
}
