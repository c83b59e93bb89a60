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
    try (TickBatch batch = reader.read(file, from, to, false)) {
      warnings.addAll(batch.warnings());
      return BarBuilder.build(session, batch, warnings);
    }
  }
}
