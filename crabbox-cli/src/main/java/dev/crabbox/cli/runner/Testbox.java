package dev.crabbox.cli.runner;

import java.time.Instant;

/**
 * One row of {@code blacksmith testbox list}, as the Blacksmith CLI printed it. Optional columns
 * printed as {@code -} are null.
 *
 * @param id the testbox id ({@code tbx_...})
 * @param status Blacksmith's status word ({@code queued}, {@code hydrating}, {@code ready},
 *     {@code completed}, ...)
 * @param repo the repository as printed: a bare name such as {@code openclaw} or {@code owner/name}
 * @param workflow the workflow file the testbox was dispatched from
 * @param job the workflow job
 * @param ref the git ref
 * @param createdAt when the testbox was created
 */
public record Testbox(String id, String status, String repo, String workflow, String job, String ref,
    Instant createdAt) {
}
