package io.omnihub.store.conversation;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

/**
 * Where conversations are: the inbox and team of a conversation (by its id or its chat session),
 * and those of a customer's conversations; what decides who may see them.
 */
@Component
public class ConversationPlaces {

    /** A conversation's inbox and the team it was transferred to (null: none). */
    public record Place(long inboxId, Long teamId) {
    }

    private static final RowMapper<Place> PLACE = (rs, n) -> new Place(rs.getLong(1), (Long) rs.getObject(2));

    private final JdbcTemplate jdbc;

    ConversationPlaces(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Where the conversation is; empty when there is no such conversation. */
    public Optional<Place> ofConversation(long conversationId) {
        return jdbc.query("select inbox_id, team_id from conversation where id = ?", PLACE, conversationId).stream()
                .findFirst();
    }

    /** Where the latest chat conversation of a chat session is; empty before its first message. */
    public Optional<Place> ofChatSession(String threadKey) {
        return jdbc.query("select inbox_id, team_id from conversation where channel = 'chat' and thread_key = ? "
                + "order by opened_at desc limit 1", PLACE, threadKey).stream().findFirst();
    }

    /** Every distinct place the customer's conversations are in; empty for a customer without any. */
    public List<Place> ofCustomer(long customerId) {
        return jdbc.query("select distinct inbox_id, team_id from conversation where customer_id = ?", PLACE,
                customerId);
    }
}
