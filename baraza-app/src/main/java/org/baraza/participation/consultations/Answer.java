package org.baraza.participation.consultations;

/** One of a question's answers. For yes/no questions, {@code text} is {@code YES} or {@code NO}, shown translated. */
public record Answer(long id, int position, String text) {
}
