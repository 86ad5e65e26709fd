package org.canonicalregistry.codegen.check;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes the check as a JUnit XML report (one test case per entity; a breaking change is a failure), the format CI
 * servers already display. No timestamps or host names, so identical checks give identical files.
 */
public final class JUnitReport {

  private JUnitReport() {
  }

  public static void write(Path file, List<EntityVerdict> verdicts) {
    long failures = verdicts.stream().filter(v -> v.outcome().fails()).count();
    StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    xml.append("<testsuite name=\"canonical:check\" tests=\"").append(verdicts.size()).append("\" failures=\"")
        .append(failures).append("\" errors=\"0\" skipped=\"0\">\n");
    for (EntityVerdict v : verdicts) {
      xml.append("  <testcase classname=\"canonical.check\" name=\"").append(escape(v.entity())).append("\"");
      String text = String.join("\n", v.lines());
      if (v.outcome().fails()) {
        xml.append(">\n    <failure type=\"BREAKING\" message=\"").append(escape(v.lines().get(0))).append("\">")
            .append(escape(text)).append("</failure>\n  </testcase>\n");
      } else {
        xml.append(">\n    <system-out>").append(escape(text)).append("</system-out>\n  </testcase>\n");
      }
    }
    xml.append("</testsuite>\n");
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, xml, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  private static String escape(String s) {
    StringBuilder out = new StringBuilder();
    for (char c : s.toCharArray()) {
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        default -> {
          if (c < 0x20 && c != '\n' && c != '\t' && c != '\r') {
            out.append("&#").append((int) c).append(';');
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.toString();
  }
}
