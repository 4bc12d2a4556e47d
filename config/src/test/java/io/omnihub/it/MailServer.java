package io.omnihub.it;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.test.context.TestComponent;

/**
 * A real IMAP and SMTP server (GreenMail) on fixed local ports with the mailboxes the "it"
 * profile configures; customers' mail is delivered into them as an MTA would.
 */
@TestComponent
public class MailServer implements DisposableBean {

    static final int IMAP_PORT = 31143;
    static final int SMTP_PORT = 31025;

    private final GreenMail greenMail = new GreenMail(new ServerSetup[] {
            new ServerSetup(IMAP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_IMAP),
            new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP)});

    MailServer() {
        greenMail.start();
        greenMail.setUser("support@hub.test", "support", "secret");
        greenMail.setUser("archive@hub.test", "archive", "secret");
        greenMail.setUser("ack@hub.test", "ack", "secret");
        greenMail.setUser("refused@hub.test", "refused", "secret");
        greenMail.setUser("corpus@hub.test", "corpus", "secret");
        greenMail.setUser("takeover@hub.test", "takeover", "secret");
        greenMail.setUser("later@hub.test", "later", "secret");
        greenMail.setUser("fuzz@hub.test", "fuzz", "secret");
    }

    /** Delivers the exact bytes of a mail, however broken, into the mailbox of {@code login}. */
    public void deliverRaw(String login, byte[] rawMessage) {
        try {
            GreenMailUser user = greenMail.getUserManager().getUser(login);
            user.deliver(new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(rawMessage)));
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Delivers a raw RFC 5322 message into the mailbox of {@code login}. */
    public void deliver(String login, String rawMessage) {
        try {
            GreenMailUser user = greenMail.getUserManager().getUser(login);
            user.deliver(new MimeMessage(Session.getInstance(new Properties()),
                    new ByteArrayInputStream(rawMessage.getBytes(StandardCharsets.UTF_8))));
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Every mail delivered into this address's INBOX, oldest first (not copies the hub appends to
     * its own Sent folder, which name the customer too).
     */
    public java.util.List<MimeMessage> receivedFor(String address) {
        try {
            GreenMailUser user = greenMail.getUserManager().getUserByEmail(address);
            if (user == null) {
                return java.util.List.of();
            }
            return greenMail.getManagers().getImapHostManager().getInbox(user).getMessages().stream()
                    .map(com.icegreen.greenmail.store.StoredMessage::getMimeMessage).toList();
        } catch (com.icegreen.greenmail.store.FolderException e) {
            throw new IllegalStateException(e);
        }
    }

    /** How many messages of a folder carry the \Seen flag, and how many there are. */
    public int[] seenAndTotal(String login, String folderName) {
        try {
            Properties p = new Properties();
            Store store = Session.getInstance(p).getStore("imap");
            store.connect("127.0.0.1", IMAP_PORT, login, "secret");
            try {
                Folder folder = store.getFolder(folderName);
                if (!folder.exists()) {
                    return new int[] {0, 0};
                }
                folder.open(Folder.READ_ONLY);
                int seen = 0;
                Message[] messages = folder.getMessages();
                jakarta.mail.FetchProfile flags = new jakarta.mail.FetchProfile();
                flags.add(jakarta.mail.FetchProfile.Item.FLAGS);
                folder.fetch(messages, flags);
                for (Message m : messages) {
                    if (m.isSet(Flags.Flag.SEEN)) {
                        seen++;
                    }
                }
                folder.close(false);
                return new int[] {seen, messages.length};
            } finally {
                store.close();
            }
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Clears \Seen on every message of INBOX, as if marking had never happened. */
    public void markAllUnseen(String login) {
        try {
            Store store = Session.getInstance(new Properties()).getStore("imap");
            store.connect("127.0.0.1", IMAP_PORT, login, "secret");
            try {
                Folder folder = store.getFolder("INBOX");
                folder.open(Folder.READ_WRITE);
                folder.setFlags(folder.getMessages(), new Flags(Flags.Flag.SEEN), false);
                folder.close(false);
            } finally {
                store.close();
            }
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void destroy() {
        greenMail.stop();
    }
}
