package io.omnihub.connectors.chat;

import java.util.Map;

/**
 * Passing signals between hub nodes that need no history (a visitor typing, a line for a visitor's
 * open widget): published on the live topic every node listens to, never stored.
 */
public interface ChatSignals {

    /** Publishes the signal (a JSON object with a {@code type}); losing one is harmless. */
    void publish(Map<String, Object> signal);
}
