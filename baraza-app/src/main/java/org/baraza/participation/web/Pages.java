package org.baraza.participation.web;

import java.util.List;

/**
 * One page of a list that can grow: the items, which page (from 1), its size and the total, so
 * both the HTML pages and the JSON API can link to the next and previous pages.
 */
public record Pages<T>(List<T> items, int page, int size, long total) {

    public static final int MAX_SIZE = 100;

    public Pages {
        items = List.copyOf(items);
    }

    public int lastPage() {
        return (int) Math.max(1, (total + size - 1) / size);
    }

    public boolean hasNext() {
        return page < lastPage();
    }

    public boolean hasPrevious() {
        return page > 1;
    }

    /** A page number from a request parameter: anything unusable is page 1. */
    public static int page(String requested) {
        try {
            int page = Integer.parseInt(requested == null ? "1" : requested.strip());
            return Math.max(1, Math.min(page, 1_000_000));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    /** A page size from a request parameter, between 1 and {@link #MAX_SIZE}; anything unusable is {@code fallback}. */
    public static int size(String requested, int fallback) {
        try {
            int size = Integer.parseInt(requested == null ? Integer.toString(fallback) : requested.strip());
            return Math.max(1, Math.min(size, MAX_SIZE));
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    public static long offset(int page, int size) {
        return (long) (page - 1) * size;
    }
}
