package in.nfopslab.data.read;

import static java.util.Objects.requireNonNull;

import in.nfopslab.core.calendar.Session;
import in.nfopslab.core.market.SecondBars;
import java.nio.file.Path;
import java.util.List;

/** Per-second bars of one file on one trading day: the session window is pushed down, then aggregated. */
public final class BarReader {
  private final TickReader reader;

  public BarReader(TickReader reader) {
    this.reader = requireNonNull(reader, "reader is null");
  }

  public BarReader() {
    this(new TickReader());
  }

  /** Bars of {@code file} for {@code session}'s day; warnings about survived faults are added to {@code warnings}. */
  public SecondBars readDay(Path file, Session session, List<DataWarning> warnings) throws DataFileException {
    long from = session.epochNanosAt(0);
    long to = session.epochNanosAt(session.seconds());
    TickColumns ticks = reader.readColumns(file, from, to, false);
    warnings.addAll(ticks.warnings);
    return BarBuilder.build(session, ticks, warnings);
  }

  /**
   * The seconds with trades of {@code file} on {@code session}'s day, in order, to {@code sink} (the same values as
   * {@link #readDay} at those seconds, without the dense arrays). Returns whether the file has an oi column.
   */
  public boolean readDay(Path file, Session session, List<DataWarning> warnings, BarBuilder.Sink sink)
      throws DataFileException {
    long from = session.epochNanosAt(0);
    long to = session.epochNanosAt(session.seconds());
    TickColumns ticks = reader.readColumns(file, from, to, false);
    warnings.addAll(ticks.warnings);
    BarBuilder.sparse(session, ticks, warnings, sink);
    return ticks.oi != null;
  }
}
