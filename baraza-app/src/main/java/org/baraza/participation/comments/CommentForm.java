package org.baraza.participation.comments;

/** A comment as typed: the target ({@code type:id}), the comment replied to (if any), the text and the anonymous choice. */
public record CommentForm(String target, String parent, String body, String anonymous) {

    public boolean isAnonymous() {
        return "true".equals(anonymous) || "on".equals(anonymous);
    }
}
