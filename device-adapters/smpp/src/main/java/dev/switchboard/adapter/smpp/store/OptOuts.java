package dev.switchboard.adapter.smpp.store;

import dev.switchboard.spi.AdapterStore;

/** Numbers that texted STOP and get no texts until START, one record each, on every node. */
public final class OptOuts {
    private final AdapterStore numbers;

    public OptOuts(AdapterStore numbers) {
        this.numbers = numbers;
    }

    public boolean contains(String number) {
        return numbers.get(number).isPresent();
    }

    /** Opts {@code number} out; {@code false} when it already was (on any node). */
    public boolean optOut(String number) {
        return numbers.putIfAbsent(number, "");
    }

    /** Opts {@code number} back in; {@code false} when it was not opted out. */
    public boolean optIn(String number) {
        return numbers.remove(number);
    }
}
