package in.nfopslab.cli;

import in.nfopslab.core.engine.AtmRef;
import in.nfopslab.core.engine.EngineConfig;
import in.nfopslab.core.engine.SlippageModel;
import java.time.LocalTime;
import picocli.CommandLine.Option;

/**
 * Fill and exit conventions shared by run, sweep and retry (defaults: the strategy library's
 * conventions).
 */
final class EngineOptions {
  @Option(
      names = "--latency",
      paramLabel = "SECS",
      description = "Seconds from decision to fill (default 1, at least 1).")
  Integer latency;

  @Option(
      names = "--slippage",
      paramLabel = "MODEL",
      description =
          "Slippage: '0.05%%' (percent of premium, min 0.05 points), '0.05%%:0.1' (percent:min points), '0.5' (points) or 'none'.")
  String slippage;

  @Option(
      names = "--futures-slippage",
      paramLabel = "MODEL",
      description =
          "Slippage of futures/spot hedge legs, same forms as --slippage (default 0.005%%, min 0.05).")
  String futuresSlippage;

  @Option(
      names = "--stale-fill-secs",
      paramLabel = "SECS",
      description = "Use a leg's last price if at most this old (default 5).")
  Integer staleFill;

  @Option(
      names = "--eod-exit",
      paramLabel = "HH:MM:SS|none",
      description =
          "End-of-day exit time (default 15:20:00); 'none' holds positions to the close (expiry settlement).")
  String eodExit;

  @Option(names = "--atm-ref", description = "ATM reference: spot or futures (default spot).")
  AtmRef atmRef;

  @Option(
      names = "--max-strike-shift",
      paramLabel = "STEPS",
      description = "Nearest-available strike search (default 3).")
  Integer maxStrikeShift;

  @Option(names = "--lots", description = "Lots per leg (default 1).")
  Integer lots;

  EngineConfig config() {
    EngineConfig c = EngineConfig.defaults();
    if (latency != null) {
      c = c.withLatencySecs(latency);
    }
    if (slippage != null) {
      c = c.withSlippage(SlippageModel.parse(slippage));
    }
    if (futuresSlippage != null) {
      c = c.withFuturesSlippage(SlippageModel.parse(futuresSlippage));
    }
    if (staleFill != null) {
      c = c.withStaleFillSecs(staleFill);
    }
    if (eodExit != null) {
      c = c.withEodExit(eodExit.equalsIgnoreCase("none") ? null : parseTime(eodExit));
    }
    if (atmRef != null) {
      c = c.withAtmRef(atmRef);
    }
    if (maxStrikeShift != null) {
      c = c.withMaxStrikeShift(maxStrikeShift);
    }
    if (lots != null) {
      c = c.withLots(lots);
    }
    return c;
  }

  private static LocalTime parseTime(String text) {
    try {
      return LocalTime.parse(text);
    } catch (java.time.format.DateTimeParseException e) {
      throw new IllegalArgumentException("--eod-exit '" + text + "' is not HH:MM:SS or none");
    }
  }
}
