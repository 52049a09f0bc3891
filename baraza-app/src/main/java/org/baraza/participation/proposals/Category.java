package org.baraza.participation.proposals;

/** A category proposals are filed under, one list per municipality. */
record Category(long id, String name) {

    static final int MAX_NAME = 80;
}
