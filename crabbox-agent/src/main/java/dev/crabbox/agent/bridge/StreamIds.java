package dev.crabbox.agent.bridge;

/**
 * Stream ids the lease client hands out, unique for the life of one bridge connection across its
 * reconnects: after a reconnect the host may still hold streams of the old link until it notices
 * they are gone, so a new stream must never reuse their ids. Ids stay within 1..2^31-1, so the v1
 * codec carries them as plain decimal ids.
 */
final class StreamIds {

  private int next = 1;

  int next() {
    int id = next;
    next = next == Integer.MAX_VALUE ? 1 : next + 1;
    return id;
  }
}
