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
 * @param publicBaseUrl       the hub's address as Twilio calls it: scheme, host, port when not the
 *                            default, and the path a proxy puts in front of the hub's own paths
 *                            ({@code https://proxy.example.com/omnihub}); signatures are checked against it
 * @param autoReply           an SMS answered to every inbound message (TwiML {@code <Message>}), optional
 * @param helpReply           the SMS answered to the HELP (or INFO) keyword, e.g. who we are and how to
 *                            opt out; optional (without it HELP is answered like any message)
 * @param sendRate            at most this many SMS per second from each of our numbers (Twilio queues
 *                            what a long code cannot send at once; a US long code sends 1/s); default 1.
 *                            Sends through a Messaging Service are not limited here: Twilio paces those
 * @param voice               incoming calls to our numbers, optional (without it calls are refused)
 * @param apiBaseUrl          send the SDK's REST calls here instead of api.twilio.com (a Twilio-compatible
 *                            gateway), optional
 * @param optOutWords         a message that is only one of these (any case) opts the number out; default
 *                            Twilio's: STOP, STOPALL, UNSUBSCRIBE, CANCEL, END, QUIT, REVOKE, OPTOUT
 * @param optInWords          a message that is only one of these opts it back in; default START, YES, UNSTOP
 * @param helpWords           a message that is only one of these is answered with {@code help-reply};
 *                            default HELP, INFO
 */
public record TwilioSettings(String accountSid, String authToken, @DefaultValue List<String> numbers,
        String messagingServiceSid, URI publicBaseUrl, String autoReply, String helpReply, Double sendRate,
        VoiceSettings voice, URI apiBaseUrl, List<String> optOutWords, List<String> optInWords,
        List<String> helpWords) {

    /** Twilio's default opt-out keywords for long codes. */
    public static final List<String> OPT_OUT = List.of("STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT",
            "REVOKE", "OPTOUT");
    public static final List<String> OPT_IN = List.of("START", "YES", "UNSTOP");
    public static final List<String> HELP = List.of("HELP", "INFO");

    public TwilioSettings {
        numbers = numbers == null ? List.of() : List.copyOf(numbers);
        sendRate = sendRate == null ? 1.0 : sendRate;
        optOutWords = keywords(optOutWords, OPT_OUT);
        optInWords = keywords(optInWords, OPT_IN);
        helpWords = keywords(helpWords, HELP);
    }

    private static List<String> keywords(List<String> given, List<String> otherwise) {
        return given == null || given.isEmpty() ? otherwise
                : given.stream().map(w -> w.strip().toUpperCase(java.util.Locale.ROOT)).filter(w -> !w.isEmpty())
                        .distinct().toList();
    }

    /** The keyword a message is, the way carriers read it: the whole message, one word, any case. */
    public static String keyword(String text) {
        return text == null ? "" : text.strip().replaceAll("[.!?]+$", "").toUpperCase(java.util.Locale.ROOT);
    }

    /**
     * The URL Twilio calls for {@code path} on this hub, e.g. {@code /channels/twilio/sms/status}:
     * the public base URL (with any path a proxy puts in front of the hub) followed by the path.
     */
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
