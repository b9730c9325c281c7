package dev.crabbox.portal.view;

/**
 * A sortable column header: clicking it sorts by this column (toggling the direction when it is
 * the current one); {@code ariaSort} is {@code ascending}, {@code descending} or {@code none}.
 */
public record Column(String label, String href, String ariaSort) {

  public String arrow() {
    switch (ariaSort) {
      case "ascending":
        return "▲";
      case "descending":
        return "▼";
      default:
        return "";
    }
  }
}
