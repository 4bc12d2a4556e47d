package io.omnihub.console.api;

import java.util.List;

/** A conversation with every interaction in it, oldest first. */
public record ConversationDetail(ConversationSummary conversation, List<InteractionView> interactions) {
}
