package io.omnihub.connectors.chat;

/**
 * Who is chatting, as the hub signed it when the chat started: the signed token is all the widget
 * keeps (in the visitor's browser), so it survives reloads and cannot be altered.
 *
 * @param inbox     the chat inbox
 * @param visitorId the hub's random id for this browser
 * @param sessionId the chat's thread key
 * @param name      the name given in the pre-chat form (or by the site)
 * @param email     the email given in the pre-chat form (or by the site); a claim, not verified
 * @param userId    the site's own id for its signed-in user, present only when the site signed it
 */
public record ChatVisitor(String inbox, String visitorId, String sessionId, String name, String email,
        String userId) {

    /** The contact point a verified site user id becomes: scoped to the inbox whose secret vouched for it. */
    public String externalIdentity() {
        return userId == null ? null : inbox + ":" + userId;
    }
}
