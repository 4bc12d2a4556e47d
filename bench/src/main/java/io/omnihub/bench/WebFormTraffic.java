package io.omnihub.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Web-form submissions as they arrive on a real site: mostly browser form posts, some JSON from
 * site back-ends, a few with a file attached; a share from customers already known to the hub
 * (by email, or by phone written in national format), the rest from new people.
 */
final class WebFormTraffic implements Traffic {

    private static final String[] SUBJECTS = {"Order status", "Invoice question", "Return request",
            "Delivery address change", "Product question", "Complaint"};
    private static final String ATTACHMENT = "line of a small text attachment\n".repeat(64);

    private final URI endpoint;
    private final int seededCustomers;
    private final double returning;
    private final SplittableRandom random = new SplittableRandom(42);
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private long sequence;

    WebFormTraffic(URI hub, String form, int seededCustomers, double returning) {
        this.endpoint = hub.resolve("/channels/webform/" + form);
        this.seededCustomers = seededCustomers;
        this.returning = returning;
    }

    @Override
    public Submission next() {
        long n = ++sequence;
        String email;
        String phone = "";
        if (seededCustomers > 0 && random.nextDouble() < returning) {
            int customer = 1 + random.nextInt(seededCustomers);
            if (customer % 2 == 0 && random.nextBoolean()) {
                // known by phone, written the way people type it
                phone = "(555) " + String.format("%07d", customer).substring(0, 3) + "-"
                        + String.format("%07d", customer).substring(3);
                email = "";
            } else {
                email = "Seed-" + customer + "@" + CustomerSeeder.DOMAIN.toUpperCase();
            }
        } else {
            email = "new-" + run + "-" + n + "@example.com";
        }
        String subject = SUBJECTS[random.nextInt(SUBJECTS.length)];
        String message = "Hello, this is submission " + n + " of benchmark run " + run
                + ". Could you please tell me what happens next with my " + subject.toLowerCase() + "?";
        double shape = random.nextDouble();
        if (shape < 0.6) {
            return new Submission(Shape.URLENCODED, urlencoded(email, phone, subject, message), null);
        }
        if (shape < 0.9) {
            return new Submission(Shape.JSON, json(email, phone, subject, message), null);
        }
        return new Submission(Shape.MULTIPART, multipart(email, phone, subject, message), null);
    }

    private HttpRequest urlencoded(String email, String phone, String subject, String message) {
        String body = "name=" + enc("Bench Customer") + "&email=" + enc(email) + "&phone=" + enc(phone)
                + "&subject=" + enc(subject) + "&message=" + enc(message);
        return HttpRequest.newBuilder(endpoint).header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private HttpRequest json(String email, String phone, String subject, String message) {
        String body = "{\"name\":\"Bench Customer\",\"email\":\"" + email + "\",\"phone\":\"" + phone
                + "\",\"subject\":\"" + subject + "\",\"message\":\"" + message + "\"}";
        return HttpRequest.newBuilder(endpoint).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private HttpRequest multipart(String email, String phone, String subject, String message) {
        String boundary = "bench" + UUID.randomUUID();
        StringBuilder body = new StringBuilder();
        for (String[] field : new String[][] {{"name", "Bench Customer"}, {"email", email}, {"phone", phone},
                {"subject", subject}, {"message", message}}) {
            body.append("--").append(boundary).append("\r\n")
                    .append("Content-Disposition: form-data; name=\"").append(field[0]).append("\"\r\n\r\n")
                    .append(field[1]).append("\r\n");
        }
        body.append("--").append(boundary).append("\r\n")
                .append("Content-Disposition: form-data; name=\"attachment\"; filename=\"notes.txt\"\r\n")
                .append("Content-Type: text/plain\r\n\r\n").append(ATTACHMENT).append("\r\n")
                .append("--").append(boundary).append("--\r\n");
        return HttpRequest.newBuilder(endpoint).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8)).build();
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
