/**
 * Compact binary forms of the records kept in Hazelcast's maps, written by hand where Java's serialization
 * cost too much heap and time: {@code BinaryCodec} and its building blocks.
 *
 * <p>Plain Java with no dependency but the JDK; the records' own codecs live beside the records.
 */
package dev.switchboard.hub.binary;
