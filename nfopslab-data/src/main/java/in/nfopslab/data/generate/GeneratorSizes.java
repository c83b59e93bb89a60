package in.nfopslab.data.generate;

/**
 * How much market the generator makes: strikes per side of the day's at-the-money strike and the
 * tick rates of each instrument. A {@link Preset} picks one; tests may build their own to stay
 * small.
 *
 * @param strikesEachSide strikes listed each side of the day's ATM (ATM from the day's opening
 *     spot)
 * @param spotTicksPerSecond chance that a session second has a spot tick (before random gaps)
 * @param futuresTicksPerSecond mean futures ticks per second
 * @param optionAtmTicksPerSecond mean ticks per second of a nearest-expiry option at the money, at
 *     average activity
 * @param optionFarTicksPerSecond the floor of an option's rate far from the money, so every listed
 *     strike trades
 */
public record GeneratorSizes(
    int strikesEachSide,
    double spotTicksPerSecond,
    double futuresTicksPerSecond,
    double optionAtmTicksPerSecond,
    double optionFarTicksPerSecond) {
  public GeneratorSizes {
    if (strikesEachSide < 1 || strikesEachSide > 200) {
      throw new IllegalArgumentException("strikesEachSide must be 1..200, got " + strikesEachSide);
    }
    checkRate("spotTicksPerSecond", spotTicksPerSecond, 1);
    checkRate("futuresTicksPerSecond", futuresTicksPerSecond, 3);
    checkRate("optionAtmTicksPerSecond", optionAtmTicksPerSecond, 3);
    checkRate("optionFarTicksPerSecond", optionFarTicksPerSecond, optionAtmTicksPerSecond);
  }

  private static void checkRate(String name, double value, double max) {
    if (!(value > 0 && value <= max)) {
      throw new IllegalArgumentException(name + " must be in (0, " + max + "], got " + value);
    }
  }
}
