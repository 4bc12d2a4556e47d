package io.omnihub.routes.correlation;

import io.omnihub.store.conversation.Conversation;

/**
 * Where an interaction goes: into an existing conversation, or a new one with the given thread key.
 *
 * @param rule     the name of the rule that decided, stored on the conversation for agents and audits
 * @param previous for a new conversation continuing a resolved one: that one's id
 * @param claimed  for a new conversation opened because the thread found is another customer's: that one's id
 */
public record ThreadDecision(Conversation existing, String rule, String threadKey, Long previous, Long claimed) {

    public static ThreadDecision continueWith(Conversation conversation, String rule) {
        return new ThreadDecision(conversation, rule, conversation.getThreadKey(), null, null);
    }

    public static ThreadDecision open(String rule, String threadKey) {
        return new ThreadDecision(null, rule, threadKey, null, null);
    }

    /** A new conversation that continues a resolved one: linked, so agents see the history. */
    public static ThreadDecision openAfter(Conversation resolved, String rule, String threadKey) {
        return new ThreadDecision(null, rule, threadKey, resolved.getId(), null);
    }

    /**
     * The interaction claims a conversation of another customer (by a Message-ID it quotes, a subject
     * token, a thread key) but its sender is not part of it: a new conversation for the sender, with
     * the claimed one named, for an agent to look at (and merge deliberately, should it belong there).
     */
    public static ThreadDecision claimed(Conversation other, String rule, String threadKey) {
        return new ThreadDecision(null, rule + "-other-sender", threadKey, null, other.getId());
    }

    public boolean opensConversation() {
        return existing == null;
    }
}
