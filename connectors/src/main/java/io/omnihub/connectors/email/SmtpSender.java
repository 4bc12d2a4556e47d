package io.omnihub.connectors.email;

import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Properties;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;

/**
 * Sends a composed mail through the mailbox's SMTP server. A 5xx answer is a permanent failure
 * (the caller marks the reply failed with the server's reason, no retry); anything else, a 4xx or
 * a connection problem, is transient and thrown for the bus to retry with backoff.
 */
public final class SmtpSender {

    /** The server refused the mail for good. */
    public static final class PermanentFailure extends Exception {
        public PermanentFailure(String reason, Throwable cause) {
            super(reason, cause);
        }
    }

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    public void send(MailboxSettings mailbox, MimeMessage message) throws MessagingException, PermanentFailure {
        MailboxSettings.Smtp smtp = mailbox.smtp();
        String protocol = smtp.security() == MailboxSettings.Security.SSL ? "smtps" : "smtp";
        Properties p = new Properties();
        p.setProperty("mail." + protocol + ".connectiontimeout", Long.toString(TIMEOUT.toMillis()));
        p.setProperty("mail." + protocol + ".timeout", Long.toString(TIMEOUT.toMillis()));
        p.setProperty("mail." + protocol + ".writetimeout", Long.toString(TIMEOUT.toMillis()));
        p.setProperty("mail." + protocol + ".auth", Boolean.toString(smtp.username() != null && !smtp.username().isBlank()));
        if (smtp.security() == MailboxSettings.Security.STARTTLS) {
            p.setProperty("mail.smtp.starttls.enable", "true");
            p.setProperty("mail.smtp.starttls.required", "true");
        }
        if (smtp.security() != MailboxSettings.Security.NONE) {
            p.setProperty("mail." + protocol + ".ssl.checkserveridentity", "true");
        }
        Session session = Session.getInstance(p);
        try (Transport transport = session.getTransport(protocol)) {
            boolean login = smtp.username() != null && !smtp.username().isBlank();
            transport.connect(smtp.host(), smtp.effectivePort(), login ? smtp.username() : null,
                    login ? smtp.password() : null);
            transport.sendMessage(message, message.getAllRecipients());
        } catch (SMTPSendFailedException e) {
            if (e.getReturnCode() >= 500) {
                throw new PermanentFailure(serverSaid(e.getReturnCode(), e.getMessage()), e);
            }
            throw e;
        } catch (SendFailedException e) {
            Exception next = e.getNextException();
            if (next instanceof SMTPAddressFailedException address) {
                String reason = serverSaid(address.getReturnCode(), address.getMessage());
                if (address.getReturnCode() >= 500) {
                    throw new PermanentFailure(reason, e);
                }
                // temporary: say what the server said, for the retry log and a final FAILED
                throw new MessagingException(reason, e);
            }
            throw e;
        }
    }

    /** The server's answer with its code in front, once. */
    private static String serverSaid(int code, String message) {
        String text = message == null ? "" : message.strip();
        return text.startsWith(Integer.toString(code)) ? text : code + " " + text;
    }

    /** Appends a copy to the mailbox's Sent folder over IMAP; best effort, the mail is already sent. */
    public void keepCopy(MailboxSettings mailbox, MimeMessage message) throws MessagingException {
        String folderName = mailbox.smtp().sentFolder();
        if (folderName == null || folderName.isBlank() || !mailbox.receives()) {
            return;
        }
        MailboxSettings.Imap imap = mailbox.imap();
        Store store = Session.getInstance(new Properties())
                .getStore(imap.security() == MailboxSettings.Security.SSL ? "imaps" : "imap");
        try {
            store.connect(imap.host(), imap.effectivePort(), imap.username(), imap.password());
            Folder sent = store.getFolder(folderName);
            if (!sent.exists()) {
                sent.create(Folder.HOLDS_MESSAGES);
            }
            message.setFlag(jakarta.mail.Flags.Flag.SEEN, true);
            sent.appendMessages(new Message[] {message});
        } finally {
            store.close();
        }
    }
}
