package dev.switchboard.desk;

import static dev.switchboard.hub.binary.Binary.readEnum;
import static dev.switchboard.hub.binary.Binary.readInstant;
import static dev.switchboard.hub.binary.Binary.readList;
import static dev.switchboard.hub.binary.Binary.readNames;
import static dev.switchboard.hub.binary.Binary.readString;
import static dev.switchboard.hub.binary.Binary.writeEnum;
import static dev.switchboard.hub.binary.Binary.writeInstant;
import static dev.switchboard.hub.binary.Binary.writeList;
import static dev.switchboard.hub.binary.Binary.writeNames;
import static dev.switchboard.hub.binary.Binary.writeString;

import dev.switchboard.desk.Assignment.HandoverNote;
import dev.switchboard.hub.binary.BinaryCodec;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * The binary forms of the records that travel most between nodes and in and out of Hazelcast's maps: a waiting
 * conversation names every agent it is offered to, an offer every agent it goes to, and every node reads every
 * agent's status at each tick. Held in memory and on the wire, and the assignments' journal records are in this
 * form too: a change of {@link #ASSIGNMENT} must still read what a journal written before it holds.
 */
public final class AgentCodecs {
    private AgentCodecs() {
    }

    static final BinaryCodec<HandoverNote> HANDOVER_NOTE = new BinaryCodec<>() {
        @Override
        public void write(DataOutput out, HandoverNote note) throws IOException {
            writeString(out, note.from());
            writeString(out, note.to());
            writeString(out, note.text());
            writeInstant(out, note.at());
        }

        @Override
        public HandoverNote read(DataInput in) throws IOException {
            return new HandoverNote(readString(in), readString(in), readString(in), readInstant(in));
        }
    };

    public static final BinaryCodec<Assignment> ASSIGNMENT = new BinaryCodec<>() {
        @Override
        public void write(DataOutput out, Assignment a) throws IOException {
            writeString(out, a.conversationId());
            writeString(out, a.customerId());
            writeEnum(out, a.stage());
            writeString(out, a.owner());
            writeString(out, a.ownerName());
            writeNames(out, a.participants());
            writeNames(out, a.invited());
            writeNames(out, a.offeredTo());
            writeNames(out, a.passedOver());
            writeInstant(out, a.queuedAt());
            writeInstant(out, a.offerExpiresAt());
            writeString(out, a.skill());
            writeString(out, a.team());
            writeString(out, a.reservedFor());
            writeInstant(out, a.reservedUntil());
            writeList(out, a.notes(), HANDOVER_NOTE);
            writeString(out, a.wrapUp());
        }

        @Override
        public Assignment read(DataInput in) throws IOException {
            return new Assignment(readString(in), readString(in), readEnum(in, Assignment.Stage.class), readString(in),
                    readString(in), readNames(in), readNames(in), readNames(in), readNames(in), readInstant(in),
                    readInstant(in), readString(in), readString(in), readString(in), readInstant(in),
                    readList(in, HANDOVER_NOTE), readString(in));
        }
    };

    public static final BinaryCodec<AgentStatus> AGENT_STATUS = new BinaryCodec<>() {
        @Override
        public void write(DataOutput out, AgentStatus s) throws IOException {
            writeString(out, s.username());
            writeString(out, s.displayName());
            writeEnum(out, s.presence());
            writeNames(out, s.skills());
            writeNames(out, s.teams());
            out.writeInt(s.capacity());
            writeNames(out, s.conversations());
            writeInstant(out, s.lastSeen());
        }

        @Override
        public AgentStatus read(DataInput in) throws IOException {
            return new AgentStatus(readString(in), readString(in), readEnum(in, Presence.class), readNames(in),
                    readNames(in), in.readInt(), readNames(in), readInstant(in));
        }
    };

    public static final BinaryCodec<DeskEvent> DESK_EVENT = new BinaryCodec<>() {
        @Override
        public void write(DataOutput out, DeskEvent e) throws IOException {
            writeEnum(out, e.type());
            writeString(out, e.conversationId());
            writeNames(out, e.to());
            writeInstant(out, e.at());
        }

        @Override
        public DeskEvent read(DataInput in) throws IOException {
            return new DeskEvent(readEnum(in, DeskEvent.Type.class), readString(in), readNames(in), readInstant(in));
        }
    };
}
