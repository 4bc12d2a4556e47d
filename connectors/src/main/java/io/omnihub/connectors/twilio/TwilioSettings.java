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
 * @param helpReply           the SMS answered to the HELP (or INFO) keyword, e.g. who we are and how to
 *                            opt out; optional (without it HELP is answered like any message)
 * @param sendRate            at most this many SMS per second from each of our numbers (Twilio queues
 *                            what a long code cannot send at once; a US long code sends 1/s); default 1.
 *                            Sends through a Messaging Service are not limited here: Twilio paces those
 * @param voice               incoming calls to our numbers, optional (without it calls are refused)
 * @param apiBaseUrl          send the SDK's REST calls here instead of api.twilio.com (a Twilio-compatible
 *                            gateway), optional
 */
public record TwilioSettings(String accountSid, String authToken, @DefaultValue List<String> numbers,
        String messagingServiceSid, URI publicBaseUrl, String autoReply, String helpReply, Double sendRate,
        VoiceSettings voice, URI apiBaseUrl) {

    public TwilioSettings {
        numbers = numbers == null ? List.of() : List.copyOf(numbers);
        sendRate = sendRate == null ? 1.0 : sendRate;
    }

    /** The URL Twilio calls for {@code path} on this hub, e.g. {@code /channels/twilio/sms/status}. */
    public URI callbackUrl(String path) {
        return URI.create(publicBaseUrl.toString().replaceAll("/$", "") + path);
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
        if (!(sendRate > 0)) {
            throw new IllegalArgumentException(where + ".send-rate must be more than 0 SMS per second");
        }
        if (voice != null) {
            if (numbers.isEmpty()) {
                throw new IllegalArgumentException(where + ".voice needs our numbers: calls come to a number");
            }
            voice.check(where + ".voice");
        }
    }
}
