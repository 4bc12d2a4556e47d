package io.omnihub.routes.integrations;

/** What a target made of one event: taken, worth another try later, or refused for good. */
public record DeliveryResult(Outcome outcome, Integer status, String error) {

    public enum Outcome { DELIVERED, RETRY, PARK }

    public static DeliveryResult delivered(int status) {
        return new DeliveryResult(Outcome.DELIVERED, status, null);
    }

    public static DeliveryResult retry(Integer status, String error) {
        return new DeliveryResult(Outcome.RETRY, status, error);
    }

    public static DeliveryResult park(Integer status, String error) {
        return new DeliveryResult(Outcome.PARK, status, error);
    }

    /** By HTTP status: 2xx taken; 408, 425, 429 and 5xx retried; any other refusal parked. */
    public static DeliveryResult ofHttp(int status, String body) {
        if (status >= 200 && status < 300) {
            return delivered(status);
        }
        String error = "HTTP " + status + (body == null || body.isBlank() ? ""
                : ": " + (body.length() > 500 ? body.substring(0, 500) + "…" : body.strip()));
        return status == 408 || status == 425 || status == 429 || status >= 500 ? retry(status, error)
                : park(status, error);
    }
}
