package io.omnihub.connectors.twilio;

import java.net.URI;
import java.util.List;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * A Twilio messaging inbox, {@code omnihub.inboxes.<key>.twilio}.
 *
 * @param accountSid          the Twilio account (AC…)
 * @param authToken           the account's auth token: it signs every webhook; take it from the environment
 * @param numbers             our phone numbers in E.164 that deliver into this inbox
 * @param messagingServiceSid the Messaging Service (MG…) whose numbers deliver here, optional
 * @param publicBaseUrl       the URL Twilio calls, as Twilio sees it (behind a proxy it differs from
 *                            the hub's own): signatures are checked against it
 * @param autoReply           an SMS answered to every inbound message (TwiML {@code <Message>}), optional
 * @param apiBaseUrl          send the SDK's REST calls here instead of api.twilio.com (a Twilio-compatible
 *                            gateway), optional
 */
public record TwilioSettings(String accountSid, String authToken, @DefaultValue List<String> numbers,
        String messagingServiceSid, URI publicBaseUrl, String autoReply, URI apiBaseUrl) {

    public TwilioSettings {
        numbers = numbers == null ? List.of() : List.copyOf(numbers);
    }

    /** Whether a message to {@code to} (or through {@code messagingService}) belongs to this inbox. */
    public boolean serves(String to, String messagingService) {
        return (to != null && numbers.contains(to))
                || (messagingService != null && messagingService.equals(messagingServiceSid));
    }

    public void check(String where) {
        if (accountSid == null || !accountSid.startsWith("AC")) {
            throw new IllegalArgumentException(where + ".account-sid is required (AC…)");
        }
        if (authToken == null || authToken.isBlank()) {
            throw new IllegalArgumentException(where + ".auth-token is required (take it from the environment)");
        }
        if (numbers.isEmpty() && messagingServiceSid == null) {
            throw new IllegalArgumentException(where + ": give our numbers or a messaging-service-sid");
        }
        if (publicBaseUrl == null || publicBaseUrl.getScheme() == null) {
            throw new IllegalArgumentException(where + ".public-base-url is required: the URL Twilio calls, "
                    + "e.g. https://hub.example.com (signatures are checked against it)");
        }
    }
}
