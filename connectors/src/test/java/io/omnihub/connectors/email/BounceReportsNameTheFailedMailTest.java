package io.omnihub.connectors.email;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Delivery reports as real servers write them (the corpus): which of our mails failed (by the
 * Message-ID of the copy they return, whole, as headers or quoted in text), for whom, and in the
 * receiving server's own words, so the reply can be failed with a reason an agent understands.
 */
class BounceReportsNameTheFailedMailTest {

    private final MailParser parser = new MailParser();

    private ParsedMail corpus(String file) throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/mail-corpus/" + file)) {
            return parser.parse(in.readAllBytes());
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            58-bounce-postfix-dsn.eml       | ticket-48250-out-1699964400.1@support.example.net | gone@example.org       | 5.1.1 (smtp; 550 5.1.1 <Gone@Example.org>: Recipient address rejected
            59-bounce-exim.eml              | ticket-48251-out-1699965060.1@support.example.net | gone.too@example.org   | 550 5.1.1 <gone.too@example.org>: Recipient address rejected: User unknown
            60-bounce-exchange-ndr.eml      | ticket-48252-out-1699965600.1@support.example.net | henrik.berg@example.org | 5.1.10 (smtp;550 5.1.10 RESOLVER.ADR.RecipientNotFound
            62-bounce-qmail-plain.eml       | ticket-48253-out-1699966200.1@support.example.net | former.customer@example.org | 550 5.1.1 <former.customer@example.org>... User unknown
            94-dsn-gmail.eml                | ticket-48306-out-1700126540.1@support.example.net | l.moreau@example.org   | 5.1.1 (smtp; 550 5.1.1 <l.moreau@example.org>: Recipient address rejected: User unknown
            98-dsn-postfix-alias-expanded.eml | ticket-48310-out-1700141998.1@support.example.net | | 5.2.2 (x-unix; cannot update mailbox
            """)
    void aReportNamesTheMailThatFailedAndWhy(String file, String returned, String recipient, String said)
            throws IOException {
        ParsedMail mail = corpus(file);
        assertThat(mail.bounce().returnedMessageId()).isEqualTo(returned);
        assertThat(mail.bounce().failures()).isNotEmpty();
        String address = recipient == null ? mail.bounceRecipients().get(0) : recipient;
        assertThat(mail.bounce().failures()).containsKey(address);
        assertThat(mail.bounce().failures().get(address)).startsWith(said);
    }
}
