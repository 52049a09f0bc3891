package org.baraza.budgeting.editions;

/** Which headings a resident may vote in: their district's and the city-wide ones, or any one they choose. */
public enum HeadingChoice {
    OWN_DISTRICT_AND_CITY, ONE_OF_CHOICE
}
