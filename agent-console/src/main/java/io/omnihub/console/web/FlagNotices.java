package io.omnihub.console.web;

import java.util.List;
import java.util.Map;

import io.omnihub.console.api.InteractionView;

/**
 * What the flags a channel set on an interaction mean, in words an agent reads beside the message.
 * A claimed thread is shown by the page with a link to the conversation it claimed.
 */
public final class FlagNotices {

    private static final Map<String, String> MEANING = Map.of(
            "SPAM", "caught by the spam trap",
            "AUTO_SUBMITTED", "sent by a machine (auto-reply or list mail): not auto-answered",
            "UNPARSEABLE", "could not be read completely: the original is kept as it came",
            "BOUNCE", "a delivery report: a message of ours did not arrive",
            "NUL_REMOVED", "held NUL characters, which were removed; nothing else changed",
            "ID_REUSED", "reused the id of another message: recorded on its own");

    /** The notices for an interaction's flags other than a claimed thread, in the flags' order. */
    public List<String> of(InteractionView interaction) {
        return interaction.flags() == null ? List.of()
                : interaction.flags().stream().filter(MEANING::containsKey).map(MEANING::get).toList();
    }

    /** The conversation this interaction claimed as its thread, though its sender is not part of it, or null. */
    public Object claimed(InteractionView interaction) {
        if (interaction.flags() == null || !interaction.flags().contains("CLAIMED_OTHER_THREAD")
                || interaction.metadata() == null) {
            return null;
        }
        return interaction.metadata().get("claimedConversation");
    }
}
