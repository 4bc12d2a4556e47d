package io.omnihub.connectors.twilio;

import com.twilio.http.TwilioRestClient;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/** The Twilio SDK's REST client of each sms inbox, built once, pointed at {@code api-base-url} when set. */
@Component
public class TwilioClients {

    private final TwilioInboxes inboxes;
    private final Map<String, TwilioRestClient> clients = new ConcurrentHashMap<>();

    TwilioClients(TwilioInboxes inboxes) {
        this.inboxes = inboxes;
    }

    public TwilioRestClient forInbox(String inbox) {
        return clients.computeIfAbsent(inbox, key -> {
            TwilioSettings twilio = inboxes.twilio(key)
                    .orElseThrow(() -> new IllegalArgumentException("inbox '" + key + "' is not a Twilio inbox"));
            TwilioRestClient.Builder builder = new TwilioRestClient.Builder(twilio.accountSid(), twilio.authToken());
            builder.httpClient(new TwilioHttpClient(twilio.apiBaseUrl()));
            return builder.build();
        });
    }

    public TwilioSettings settings(String inbox) {
        return inboxes.twilio(inbox)
                .orElseThrow(() -> new IllegalArgumentException("inbox '" + inbox + "' is not a Twilio inbox"));
    }
}
