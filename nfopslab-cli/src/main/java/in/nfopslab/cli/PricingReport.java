package in.nfopslab.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * The output of {@code nfops price} and {@code nfops iv}: the contract's inputs and named results,
 * printed as an aligned table (results only) or as one flat JSON object (inputs and results),
 * written by hand since every value is a number or a short word.
 */
final class PricingReport {
  private record Row(String name, double value, String unit) {}

  private final OptionContract contract;
  private final List<Row> inputs = new ArrayList<>();
  private final List<Row> results = new ArrayList<>();

  PricingReport(OptionContract contract) {
    this.contract = contract;
    boolean bs = contract.model() == OptionContract.PricingModel.BS;
    inputs.add(new Row(bs ? "spot" : "forward", contract.underlying(), null));
    inputs.add(new Row("strike", contract.strike(), null));
    inputs.add(new Row("t", contract.years(), null));
    inputs.add(new Row("rate", contract.rate(), null));
    if (bs) {
      inputs.add(new Row("div", contract.dividendYield(), null));
    }
  }

  PricingReport input(String name, double value) {
    inputs.add(new Row(name, value, null));
    return this;
  }

  PricingReport result(String name, double value, String unit) {
    results.add(new Row(name, value, unit));
    return this;
  }

  String render(boolean json) {
    return json ? json() : table();
  }

  private String table() {
    int nameWidth = 0;
    int valueWidth = 0;
    for (Row r : results) {
      nameWidth = Math.max(nameWidth, r.name.length());
      valueWidth = Math.max(valueWidth, Numbers.plain(r.value).length());
    }
    StringBuilder sb = new StringBuilder();
    for (Row r : results) {
      String value = Numbers.plain(r.value);
      sb.append(r.name).append(" ".repeat(nameWidth - r.name.length() + 2));
      sb.append(" ".repeat(valueWidth - value.length())).append(value);
      if (r.unit != null) {
        sb.append("  ").append(r.unit);
      }
      sb.append(System.lineSeparator());
    }
    return sb.toString();
  }

  private String json() {
    StringBuilder sb = new StringBuilder("{");
    sb.append("\"model\":\"").append(contract.model().cliName).append('"');
    sb.append(",\"type\":\"").append(contract.call() ? "call" : "put").append('"');
    for (Row r : inputs) {
      sb.append(",\"").append(r.name).append("\":").append(Numbers.json(r.value));
    }
    for (Row r : results) {
      sb.append(",\"").append(r.name).append("\":").append(Numbers.json(r.value));
    }
    return sb.append('}').append(System.lineSeparator()).toString();
  }
}
