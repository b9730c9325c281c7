package dev.crabbox.portal.view;

import java.util.List;

/** The visibility-only page of an external runner. */
public record RunnerDetailView(Page page, String provider, String id, String name, String owner,
    String org, Pill status, boolean stuck, boolean stale, String repo, String workflow,
    String runId, String job, String actionsUrl, List<Fact> times, List<Fact> labels,
    Command stop) {

  /** A label and a value (a timestamp with its relative form, or a runner label). */
  public record Fact(String name, String value, String title) {}
}
