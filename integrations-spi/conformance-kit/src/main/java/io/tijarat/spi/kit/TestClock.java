package io.tijarat.spi.kit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock that stands still until a test moves it, so expiry dates, timestamps and token lifetimes
 * are deterministic. Thread-safe: a provider may read it from many threads while the test moves it.
 *
 * <p>Clocks made with {@link #withZone(ZoneId)} share this clock's instant, so moving one moves all.
 */
public final class TestClock extends Clock {

    /** Monday 3 March 2025, 10:00 in Karachi: a weekday morning, when shops are busy. */
    public static final Instant DEFAULT_INSTANT = Instant.parse("2025-03-03T05:00:00Z");

    /** Pakistan Standard Time, the zone Pakistani gateways expect. */
    public static final ZoneId KARACHI = ZoneId.of("Asia/Karachi");

    private final AtomicReference<Instant> now;
    private final ZoneId zone;

    private TestClock(AtomicReference<Instant> now, ZoneId zone) {
        this.now = now;
        this.zone = zone;
    }

    /** A clock at {@link #DEFAULT_INSTANT}, in {@link #KARACHI}. */
    public static TestClock standard() {
        return at(DEFAULT_INSTANT);
    }

    /** A clock at {@code instant}, in {@link #KARACHI}. */
    public static TestClock at(Instant instant) {
        return new TestClock(new AtomicReference<>(Objects.requireNonNull(instant, "instant")), KARACHI);
    }

    /** Moves the clock forward (or back, for a negative amount). */
    public void advance(Duration amount) {
        Objects.requireNonNull(amount, "amount");
        now.updateAndGet(instant -> instant.plus(amount));
    }

    /** Sets the clock to {@code instant}. */
    public void set(Instant instant) {
        now.set(Objects.requireNonNull(instant, "instant"));
    }

    @Override
    public Instant instant() {
        return now.get();
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId newZone) {
        return new TestClock(now, Objects.requireNonNull(newZone, "zone"));
    }

    @Override
    public String toString() {
        return "TestClock[" + now.get() + ", " + zone + "]";
    }
}
