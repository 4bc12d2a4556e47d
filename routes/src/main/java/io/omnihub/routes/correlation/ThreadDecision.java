package io.omnihub.routes.correlation;

import io.omnihub.store.conversation.Conversation;

/**
 * Where an interaction goes: into an existing conversation, or a new one with the given thread key.
 *
 * @param rule the name of the rule that decided, stored on the conversation for agents and audits
 */
record ThreadDecision(Conversation existing, String rule, String threadKey) {

    static ThreadDecision continueWith(Conversation conversation, String rule) {
        return new ThreadDecision(conversation, rule, conversation.getThreadKey());
    }

    static ThreadDecision open(String rule, String threadKey) {
        return new ThreadDecision(null, rule, threadKey);
    }

    boolean opensConversation() {
        return existing == null;
    }
}
