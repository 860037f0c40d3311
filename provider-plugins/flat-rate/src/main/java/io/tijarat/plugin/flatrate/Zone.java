package io.tijarat.plugin.flatrate;

/** How far a parcel goes from the shop, which sets its price and delivery estimate. */
enum Zone {
    /** The shop's own city (or cities): delivered by the shop's rider, picked up from the shop. */
    LOCAL("local"),
    /** Major cities, well served by every courier. */
    MAJOR("major"),
    /** Everywhere else in Pakistan. */
    REST("rest");

    private final String key;

    Zone(String key) {
        this.key = key;
    }

    /** The zone's name in configuration keys, e.g. {@code rates.major}. */
    String key() {
        return key;
    }
}
