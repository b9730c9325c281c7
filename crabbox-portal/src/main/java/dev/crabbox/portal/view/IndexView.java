package dev.crabbox.portal.view;

import java.util.List;

/** The lease index: filters, the sorted page of rows, pagination, and what the default chose. */
public record IndexView(Page page, List<Link> states, List<Link> scopes, List<Option> providers,
    List<Option> targets, List<Option> statuses, Query query, List<Column> columns, List<Row> rows,
    Pagination pagination, String note) {

  /** The current query's values, for the filter form. */
  public record Query(String state, String scope, String q, String sort, String dir) {}

  /**
   * One grid row: a Crabbox lease, or (admins only) an external runner shown muted and disabled.
   */
  public record Row(boolean runner, String name, String id, String href, String owner, String org,
      String provider, String target, Pill state, boolean ssh, boolean vnc, boolean code,
      boolean browser, String created, String createdIso, String expires, String expiresIso,
      boolean stuck, boolean stale, String actionsUrl, String workflow, Command stop) {

    public String search() {
      return String.join(" ", name, id, owner, org, provider, target, state.text(),
          workflow == null ? "" : workflow);
    }
  }
}
