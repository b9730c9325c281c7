package dev.crabbox.protocol.run;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * Summarises JUnit XML reports (Maven Surefire/Failsafe, Gradle, pytest, Jest's junit reporter):
 * a {@code <testsuite>} root or a {@code <testsuites>} root holding suites, possibly nested.
 *
 * <p>Only leaf suites (those holding no other suite) are counted, so a wrapper's own totals are
 * never added twice. A suite's {@code tests}/{@code failures}/{@code errors}/{@code skipped}/
 * {@code time} attributes are used when present, else its {@code <testcase>} children are counted.
 * A test is failed when it has a direct {@code <failure>} or {@code <error>} child; Surefire's
 * {@code <flakyFailure>} and {@code <rerunFailure>} are retries, not failures.
 *
 * <p>Reports come from the lease, so the parser refuses DOCTYPEs and external entities.
 */
public final class JunitReports {

  private JunitReports() {}

  /**
   * The summary of one report document.
   *
   * @throws IllegalArgumentException when the text is not XML or its root is not a test suite
   */
  public static JunitSummary parse(String xml) {
    Element root = document(xml).getDocumentElement();
    String rootName = root.getTagName();
    if (!"testsuite".equals(rootName) && !"testsuites".equals(rootName)) {
      throw new IllegalArgumentException("not a JUnit report: the root element is <" + rootName
          + ">, not <testsuite> or <testsuites>");
    }
    JunitSummary total = JunitSummary.EMPTY;
    for (Element suite : leafSuites(root)) {
      total = total.plus(suite(suite));
    }
    return total;
  }

  private static JunitSummary suite(Element suite) {
    List<Element> cases = children(suite, "testcase");
    List<String> failed = new ArrayList<>();
    int failures = 0;
    int errors = 0;
    int skipped = 0;
    double time = 0;
    for (Element testCase : cases) {
      boolean failure = !children(testCase, "failure").isEmpty();
      boolean error = !children(testCase, "error").isEmpty();
      failures += failure ? 1 : 0;
      errors += error ? 1 : 0;
      skipped += children(testCase, "skipped").isEmpty() ? 0 : 1;
      time += decimal(testCase.getAttribute("time"), 0);
      if (failure || error) {
        failed.add(testName(testCase));
      }
    }
    return new JunitSummary(1,
        count(suite, "tests", cases.size()),
        count(suite, "failures", failures),
        count(suite, "errors", errors),
        count(suite, "skipped", count(suite, "disabled", skipped)),
        decimal(suite.getAttribute("time"), time),
        failed);
  }

  private static String testName(Element testCase) {
    String className = testCase.getAttribute("classname");
    String name = testCase.getAttribute("name");
    return className.isEmpty() ? name : className + "." + name;
  }

  private static List<Element> leafSuites(Element element) {
    List<Element> leaves = new ArrayList<>();
    collectLeaves(element, leaves);
    return leaves;
  }

  private static void collectLeaves(Element element, List<Element> leaves) {
    List<Element> nested = children(element, "testsuite");
    if (nested.isEmpty()) {
      if ("testsuite".equals(element.getTagName())) {
        leaves.add(element);
      }
      return;
    }
    for (Element suite : nested) {
      collectLeaves(suite, leaves);
    }
  }

  private static List<Element> children(Element parent, String tag) {
    List<Element> out = new ArrayList<>();
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && tag.equals(e.getTagName())) {
        out.add(e);
      }
    }
    return out;
  }

  private static int count(Element suite, String attribute, int fallback) {
    String text = suite.getAttribute(attribute).trim();
    if (text.isEmpty()) {
      return fallback;
    }
    try {
      return Math.max(0, Integer.parseInt(text));
    } catch (NumberFormatException e) {
      return fallback;
    }
  }

  /** Surefire writes {@code 1,234.5} for long suites: grouping commas are dropped. */
  private static double decimal(String text, double fallback) {
    String plain = text.replace(",", "").trim();
    if (plain.isEmpty()) {
      return fallback;
    }
    try {
      double value = Double.parseDouble(plain);
      return Double.isFinite(value) && value >= 0 ? value : fallback;
    } catch (NumberFormatException e) {
      return fallback;
    }
  }

  private static Document document(String xml) {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
      factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
      factory.setXIncludeAware(false);
      factory.setExpandEntityReferences(false);
      DocumentBuilder builder = factory.newDocumentBuilder();
      builder.setErrorHandler(null);
      return builder.parse(new InputSource(new StringReader(xml)));
    } catch (SAXException e) {
      throw new IllegalArgumentException("not well-formed XML: " + e.getMessage(), e);
    } catch (ParserConfigurationException | IOException e) {
      throw new IllegalStateException("the JDK XML parser cannot be set up: " + e.getMessage(), e);
    }
  }
}
