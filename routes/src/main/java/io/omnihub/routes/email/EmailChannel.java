package io.omnihub.routes.email;

import io.omnihub.connectors.email.MailInteractions;
import io.omnihub.store.channel.ReplyAddressing;
import io.omnihub.store.customer.ContactPointType;
import java.util.Optional;
import io.omnihub.store.channel.ChannelType;
import org.springframework.stereotype.Component;

/** Email: answered by mail to the customer's address, from another channel's conversation through the inbox's {@code reply-mailbox}. */
@Component
class EmailChannel implements ChannelType {

    @Override
    public String key() {
        return MailInteractions.CHANNEL;
    }

    @Override
    public String label() {
        return "Email";
    }

    @Override
    public Optional<ReplyAddressing> replies() {
        return Optional.of(ReplyAddressing.toContact(ContactPointType.EMAIL, "reply-mailbox", "email address"));
    }
}
