package in.nfopslab.data.generate;

import static java.util.Objects.requireNonNull;

import in.nfopslab.core.calendar.Session;
import java.time.LocalDate;

/**
 * One generated day of one underlying: the spot value at every session second, and the states
 * derived from it that every option and the futures of that day share: activity (how busy trading
 * is, rising after spot moves), the intraday implied-vol shift (vol rises when spot falls), the
 * order-flow signal that steers futures open interest and the drift of call and put open interest.
 * It is computed once per day and read by many threads; nothing here changes after construction.
 */
final class SpotDay {
  private final SymbolProfile profile;
  private final Session session;
  private final DayRegime regime;
  private final IntradayProfile intraday;
  private final double[] spot;
  private final float[] activity;
  private final float[] ivShift;
  private final float[] flow;
  private final OptionOiDrift oiDrift;

  SpotDay(
      SymbolProfile profile,
      Session session,
      DayRegime regime,
      IntradayProfile intraday,
      double[] spot,
      float[] activity,
      float[] ivShift,
      float[] flow,
      OptionOiDrift oiDrift) {
    this.profile = requireNonNull(profile, "profile is null");
    this.session = requireNonNull(session, "session is null");
    this.regime = requireNonNull(regime, "regime is null");
    this.intraday = requireNonNull(intraday, "intraday is null");
    this.spot = requireNonNull(spot, "spot is null");
    this.activity = requireNonNull(activity, "activity is null");
    this.ivShift = requireNonNull(ivShift, "ivShift is null");
    this.flow = requireNonNull(flow, "flow is null");
    this.oiDrift = requireNonNull(oiDrift, "oiDrift is null");
    int n = session.seconds();
    if (spot.length != n
        || activity.length != n
        || ivShift.length != n
        || flow.length != n
        || oiDrift.seconds() != n
        || intraday.seconds() != n) {
      throw new IllegalArgumentException("arrays do not match the session of " + session.date());
    }
  }

  SymbolProfile profile() {
    return profile;
  }

  Session session() {
    return session;
  }

  LocalDate date() {
    return session.date();
  }

  DayRegime regime() {
    return regime;
  }

  int seconds() {
    return spot.length;
  }

  double open() {
    return spot[0];
  }

  double close() {
    return spot[spot.length - 1];
  }

  double spot(int second) {
    return spot[second];
  }

  /**
   * Trading activity multiplier, about 1 on a quiet second, up to a few after a sharp spot move.
   */
  double activity(int second) {
    return activity[second];
  }

  /** Shift of the day's implied-vol level at this second, in vol (0.01 = one vol point). */
  double ivShift(int second) {
    return ivShift[second];
  }

  /** Backing arrays for hot loops; do not modify. */
  double[] spotArray() {
    return spot;
  }

  float[] activityArray() {
    return activity;
  }

  /**
   * Recent spot trend in [-1, 1]: positive after a rise (puts are being written, calls unwound).
   */
  float[] flowArray() {
    return flow;
  }

  /** Mean lots a print of a call ({@code call}) or a put adds to its open interest, per second. */
  float[] oiDriftArray(boolean call) {
    return oiDrift.array(call);
  }

  double[] intradayArray() {
    return intraday.array();
  }
}
