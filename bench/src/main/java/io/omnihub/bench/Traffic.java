package io.omnihub.bench;

import java.net.http.HttpRequest;

/** A source of requests for the open-loop load: web forms, SMS webhooks, … */
interface Traffic {

    /** What kind of request, for the report. */
    enum Shape { URLENCODED, JSON, MULTIPART, SMS_WEBHOOK }

    /**
     * @param externalId the interaction's id when the request itself names it (an SMS's MessageSid);
     *                   null when the hub's answer carries it (a web form's tracking id)
     */
    record Submission(Shape shape, HttpRequest request, String externalId) {
    }

    /** The next request; called from the one scheduling thread only. */
    Submission next();
}
