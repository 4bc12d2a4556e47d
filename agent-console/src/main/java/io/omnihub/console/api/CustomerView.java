package io.omnihub.console.api;

import java.time.Instant;
import java.util.List;

/**
 * A customer and every address they can be reached at.
 *
 * @param mergedIntoId set when this customer was merged into another; follow it for the history
 */
public record CustomerView(Long id, String displayName, String erpNumber, Instant createdAt, Long mergedIntoId,
        List<ContactPointView> contactPoints) {
}
