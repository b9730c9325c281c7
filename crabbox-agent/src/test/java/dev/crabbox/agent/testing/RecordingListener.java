package dev.crabbox.agent.testing;

import dev.crabbox.agent.BridgeFailure;
import dev.crabbox.agent.BridgeListener;
import dev.crabbox.agent.BridgeSession;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records bridge events for assertions. */
public final class RecordingListener implements BridgeListener {

  public final List<BridgeSession> connects = new CopyOnWriteArrayList<>();
  public final List<String> drops = new CopyOnWriteArrayList<>();
  public final List<BridgeFailure> fatals = new CopyOnWriteArrayList<>();

  @Override
  public void onConnected(BridgeSession session) {
    connects.add(session);
  }

  @Override
  public void onDisconnected(String reason, Duration retryIn) {
    drops.add(reason);
  }

  @Override
  public void onFatal(BridgeFailure failure) {
    fatals.add(failure);
  }
}
