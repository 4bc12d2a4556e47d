package io.omnihub.routes.correlation;

import io.omnihub.store.conversation.Conversation;

/**
 * Where an interaction goes: into an existing conversation, or a new one with the given thread key.
 *
 * @param rule     the name of the rule that decided, stored on the conversation for agents and audits
 * @param previous for a new conversation continuing a resolved one: that one's id
 */
record ThreadDecision(Conversation existing, String rule, String threadKey, Long previous) {

    static ThreadDecision continueWith(Conversation conversation, String rule) {
        return new ThreadDecision(conversation, rule, conversation.getThreadKey(), null);
    }

    static ThreadDecision open(String rule, String threadKey) {
        return new ThreadDecision(null, rule, threadKey, null);
    }

    /** A new conversation that continues a resolved one: linked, so agents see the history. */
    static ThreadDecision openAfter(Conversation resolved, String rule, String threadKey) {
        return new ThreadDecision(null, rule, threadKey, resolved.getId());
    }

    boolean opensConversation() {
        return existing == null;
    }
}
