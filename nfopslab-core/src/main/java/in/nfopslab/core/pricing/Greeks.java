package in.nfopslab.core.pricing;

/**
 * Price and first-order sensitivities of one option, for reports and the CLI. Hot loops call the
 * static allocation-free methods of {@link BlackScholes} and {@link Black76} instead. Units as
 * there: vega per 1.00 of vol, theta per year, rho per 1.00 of rate.
 */
public record Greeks(
    double price, double delta, double gamma, double vega, double theta, double rho) {

  public static Greeks blackScholes(
      boolean call, double spot, double strike, double t, double r, double q, double vol) {
    return new Greeks(
        BlackScholes.price(call, spot, strike, t, r, q, vol),
        BlackScholes.delta(call, spot, strike, t, r, q, vol),
        BlackScholes.gamma(call, spot, strike, t, r, q, vol),
        BlackScholes.vega(call, spot, strike, t, r, q, vol),
        BlackScholes.theta(call, spot, strike, t, r, q, vol),
        BlackScholes.rho(call, spot, strike, t, r, q, vol));
  }

  public static Greeks black76(
      boolean call, double forward, double strike, double t, double r, double vol) {
    return new Greeks(
        Black76.price(call, forward, strike, t, r, vol),
        Black76.delta(call, forward, strike, t, r, vol),
        Black76.gamma(call, forward, strike, t, r, vol),
        Black76.vega(call, forward, strike, t, r, vol),
        Black76.theta(call, forward, strike, t, r, vol),
        Black76.rho(call, forward, strike, t, r, vol));
  }
}
