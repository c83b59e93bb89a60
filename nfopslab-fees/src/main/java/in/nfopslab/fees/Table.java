package in.nfopslab.fees;

import java.util.ArrayList;
import java.util.List;

/**
 * A small text table shared by the Markdown summary and the HTML report, so both show the same
 * numbers.
 */
record Table(List<String> header, List<Boolean> numeric, List<List<String>> rows) {
  Table {
    header = List.copyOf(header);
    numeric = List.copyOf(numeric);
    List<List<String>> copy = new ArrayList<>();
    for (List<String> r : rows) {
      if (r.size() != header.size()) {
        throw new IllegalArgumentException(
            "row has " + r.size() + " cells, header " + header.size());
      }
      copy.add(List.copyOf(r));
    }
    rows = List.copyOf(copy);
  }

  String markdown() {
    StringBuilder sb = new StringBuilder("|");
    for (String h : header) {
      sb.append(' ').append(md(h)).append(" |");
    }
    sb.append("\n|");
    for (boolean n : numeric) {
      sb.append(n ? "---:|" : "---|");
    }
    sb.append('\n');
    for (List<String> r : rows) {
      sb.append('|');
      for (String c : r) {
        sb.append(' ').append(md(c)).append(" |");
      }
      sb.append('\n');
    }
    return sb.toString();
  }

  String html() {
    StringBuilder sb = new StringBuilder("<table>\n<thead><tr>");
    for (int i = 0; i < header.size(); i++) {
      sb.append(numeric.get(i) ? "<th class=\"n\">" : "<th>")
          .append(html(header.get(i)))
          .append("</th>");
    }
    sb.append("</tr></thead>\n<tbody>\n");
    for (List<String> r : rows) {
      sb.append("<tr>");
      for (int i = 0; i < r.size(); i++) {
        String c = r.get(i);
        String cls =
            numeric.get(i) ? (c.startsWith("-") ? " class=\"n neg\"" : " class=\"n\"") : "";
        sb.append("<td").append(cls).append('>').append(html(c)).append("</td>");
      }
      sb.append("</tr>\n");
    }
    return sb.append("</tbody>\n</table>\n").toString();
  }

  private static String md(String s) {
    return s.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ");
  }

  static String html(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (char c : s.toCharArray()) {
      switch (c) {
        case '<':
          sb.append("&lt;");
          break;
        case '>':
          sb.append("&gt;");
          break;
        case '&':
          sb.append("&amp;");
          break;
        case '"':
          sb.append("&quot;");
          break;
        default:
          sb.append(c);
      }
    }
    return sb.toString();
  }
}
