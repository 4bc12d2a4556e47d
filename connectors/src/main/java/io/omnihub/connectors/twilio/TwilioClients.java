package io.omnihub.connectors.twilio;

import com.twilio.http.TwilioRestClient;
import io.omnihub.connectors.inbox.InboxSettings;
import io.omnihub.connectors.inbox.InboxesProperties;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/** The Twilio SDK's REST client of each sms inbox, built once, pointed at {@code api-base-url} when set. */
@Component
public class TwilioClients {

    private final InboxesProperties inboxes;
    private final Map<String, TwilioRestClient> clients = new ConcurrentHashMap<>();

    TwilioClients(InboxesProperties inboxes) {
        this.inboxes = inboxes;
    }

    public TwilioRestClient forInbox(String inbox) {
        return clients.computeIfAbsent(inbox, key -> {
            TwilioSettings twilio = inboxes.find(key).map(InboxSettings::twilio)
                    .orElseThrow(() -> new IllegalArgumentException("inbox '" + key + "' is not a Twilio inbox"));
            TwilioRestClient.Builder builder = new TwilioRestClient.Builder(twilio.accountSid(), twilio.authToken());
            builder.httpClient(new TwilioHttpClient(twilio.apiBaseUrl()));
            return builder.build();
        });
    }

    public TwilioSettings settings(String inbox) {
        return inboxes.find(inbox).map(InboxSettings::twilio)
                .orElseThrow(() -> new IllegalArgumentException("inbox '" + inbox + "' is not a Twilio inbox"));
    }
}
