package io.omnihub.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Inbound SMS webhooks as Twilio sends them (its real parameter set, signed with the account's auth
 * token over the public URL the hub is configured with, {@code bench/sms.yml}): a share from seeded
 * customers' phone numbers, the rest from new numbers.
 */
final class SmsTraffic implements Traffic {

    static final String TOKEN = "bench-twilio-auth-token";
    static final String PUBLIC_URL = "http://localhost:8080/channels/twilio/sms";
    static final String OUR_NUMBER = "+15005550006";

    private final URI endpoint;
    private final int seededCustomers;
    private final double returning;
    private final SplittableRandom random = new SplittableRandom(11);
    private long sequence;

    SmsTraffic(URI hub, int seededCustomers, double returning) {
        this.endpoint = hub.resolve("/channels/twilio/sms");
        this.seededCustomers = seededCustomers;
        this.returning = returning;
    }

    @Override
    public Submission next() {
        long n = ++sequence;
        String from;
        if (seededCustomers > 1 && random.nextDouble() < returning) {
            // seeded customers with an even number have a phone (CustomerSeeder)
            int customer = 2 * (1 + random.nextInt(seededCustomers / 2));
            from = "+1555" + String.format("%07d", customer);
        } else {
            from = "+1212555" + String.format("%04d", random.nextInt(100) + 100);
        }
        String sid = "SM" + UUID.randomUUID().toString().replace("-", "");
        List<String[]> params = List.of(new String[] {"ToCountry", "US"}, new String[] {"SmsMessageSid", sid},
                new String[] {"NumMedia", "0"}, new String[] {"SmsSid", sid}, new String[] {"SmsStatus", "received"},
                new String[] {"Body", "Where is my parcel? (" + n + ")"}, new String[] {"To", OUR_NUMBER},
                new String[] {"NumSegments", "1"}, new String[] {"MessageSid", sid},
                new String[] {"AccountSid", "ACbench000000000000000000000000000"}, new String[] {"From", from},
                new String[] {"ApiVersion", "2010-04-01"});
        StringBuilder body = new StringBuilder();
        for (String[] p : params) {
            body.append(body.isEmpty() ? "" : "&").append(URLEncoder.encode(p[0], StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(p[1], StandardCharsets.UTF_8));
        }
        HttpRequest request = HttpRequest.newBuilder(endpoint)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Twilio-Signature", signature(params))
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build();
        return new Submission(Shape.SMS_WEBHOOK, request, sid);
    }

    private static String signature(List<String[]> params) {
        List<String[]> sorted = new ArrayList<>(params);
        sorted.sort((a, b) -> a[0].equals(b[0]) ? a[1].compareTo(b[1]) : a[0].compareTo(b[0]));
        StringBuilder data = new StringBuilder(PUBLIC_URL);
        sorted.forEach(p -> data.append(p[0]).append(p[1]));
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(TOKEN.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
