package io.omnihub.connectors.webform;

import java.util.Optional;

/** The web-form inboxes the hub serves, as this channel sees them (implemented by the inbox configuration). */
public interface WebFormInboxes {

    /** The form of inbox {@code key}, when that is a web-form inbox. */
    Optional<WebFormSettings> webform(String key);
}
