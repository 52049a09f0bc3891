package org.baraza.platform.accounts;

import java.util.concurrent.atomic.AtomicInteger;

/** Distinct client addresses from a documentation range (RFC 5737), one per simulated visitor. */
final class ClientAddresses {

    private static final AtomicInteger NEXT = new AtomicInteger(1);

    private ClientAddresses() {
    }

    static String next() {
        int n = NEXT.getAndIncrement();
        return "198.51." + ((n / 250) % 250) + "." + (1 + n % 250);
    }
}
