package org.baraza.participation.proposals;

/** A place on the map (WGS 84 degrees) a proposal is about. */
record MapPoint(double latitude, double longitude) {
}
