package in.nfopslab.data.generate;

import in.nfopslab.core.calendar.Session;
import in.nfopslab.core.instrument.Symbol;
import in.nfopslab.data.meta.MetaTables;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Generated spot days for model tests, without writing files. */
final class Days {
  static final Symbol NIFTY = new Symbol("NIFTY");
  static final LocalTime OPEN = LocalTime.of(9, 15);
  static final LocalTime CLOSE = LocalTime.of(15, 30);

  private Days() {}

  static SymbolProfile nifty() {
    return SymbolProfile.of(NIFTY, 50, LocalDate.of(2024, 1, 1));
  }

  /**
   * Consecutive generated NIFTY days over the bundled calendar's trading days from {@code from}.
   */
  static List<SpotDay> nifty(LocalDate from, int count, long seed) {
    MetaTables meta = MetaTables.bundled();
    List<LocalDate> dates = new ArrayList<>();
    for (LocalDate d = meta.calendar().onOrAfter(from);
        dates.size() < count;
        d = meta.calendar().nextTradingDay(d)) {
      dates.add(d);
    }
    SymbolProfile p = nifty();
    List<DayRegime> regimes = DayRegimes.generate(p, dates, seed);
    List<SpotDay> out = new ArrayList<>();
    double previous = Double.NaN;
    for (int i = 0; i < dates.size(); i++) {
      SpotDay d =
          SpotModel.day(p, regimes.get(i), new Session(dates.get(i), OPEN, CLOSE), previous, seed);
      out.add(d);
      previous = d.close();
    }
    return out;
  }

  /**
   * A day whose spot never moves and whose vol level never shifts: isolates the surface's own
   * shape.
   */
  static SpotDay flat(LocalDate date, double spot, double ivLevel) {
    Session session = new Session(date, OPEN, CLOSE);
    int n = session.seconds();
    double[] s = new double[n];
    Arrays.fill(s, spot);
    float[] activity = new float[n];
    Arrays.fill(activity, 1f);
    return new SpotDay(
        nifty(),
        session,
        new DayRegime(date, ivLevel, ivLevel, 0),
        IntradayProfile.of(n),
        s,
        activity,
        new float[n],
        new float[n],
        OptionOiDrift.none(n));
  }
}
