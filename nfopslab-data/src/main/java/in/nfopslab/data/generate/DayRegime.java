package in.nfopslab.data.generate;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;

/**
 * The hidden daily state of one underlying: how volatile spot really is today, what vol the option
 * market prices, and the overnight gap into today's open. Their difference, {@code ivLevel -
 * realizedVol}, is the IV-RV gap that volatility strategies trade; it takes both signs across days.
 *
 * @param realizedVol annualised volatility (trading time) of today's spot diffusion, before bursts
 *     and jumps
 * @param ivLevel annualised trading-time volatility the option market prices for the front expiry
 *     today
 * @param overnightGap log return from the previous close to today's open (0 on the first generated
 *     day)
 */
record DayRegime(LocalDate date, double realizedVol, double ivLevel, double overnightGap) {
  DayRegime {
    requireNonNull(date, "date is null");
    if (!(realizedVol > 0) || !(ivLevel > 0) || !Double.isFinite(overnightGap)) {
      throw new IllegalArgumentException("invalid regime on " + date);
    }
  }
}
