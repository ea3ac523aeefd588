package dev.switchboard.state;

import static dev.switchboard.hub.binary.Binary.readBoolean;
import static dev.switchboard.hub.binary.Binary.readDouble;
import static dev.switchboard.hub.binary.Binary.readEnum;
import static dev.switchboard.hub.binary.Binary.readInstant;
import static dev.switchboard.hub.binary.Binary.readInteger;
import static dev.switchboard.hub.binary.Binary.readList;
import static dev.switchboard.hub.binary.Binary.readLong;
import static dev.switchboard.hub.binary.Binary.readString;
import static dev.switchboard.hub.binary.Binary.readStrings;
import static dev.switchboard.hub.binary.Binary.writeBoolean;
import static dev.switchboard.hub.binary.Binary.writeDouble;
import static dev.switchboard.hub.binary.Binary.writeEnum;
import static dev.switchboard.hub.binary.Binary.writeInstant;
import static dev.switchboard.hub.binary.Binary.writeInteger;
import static dev.switchboard.hub.binary.Binary.writeList;
import static dev.switchboard.hub.binary.Binary.writeLong;
import static dev.switchboard.hub.binary.Binary.writeString;
import static dev.switchboard.hub.binary.Binary.writeStrings;

import dev.switchboard.hub.binary.BinaryCodec;
import dev.switchboard.hub.domain.AddressLink;
import dev.switchboard.hub.domain.Conversation;
import dev.switchboard.hub.domain.Customer;
import dev.switchboard.hub.domain.CustomerContext;
import dev.switchboard.hub.domain.RecordedOutcome;
import dev.switchboard.hub.domain.RecordedOutcome.StoredReply;
import dev.switchboard.hub.domain.StoredMessage;
import dev.switchboard.spi.DeliveryStatus;
import dev.switchboard.spi.NearbyPoint;
import dev.switchboard.spi.ThreadMessage.Direction;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.List;
import java.util.Set;

/** The binary forms of the records the hub's durable maps hold (see {@link BinaryCodec}). */
final class HubCodecs {
    private HubCodecs() {
    }

    static final BinaryCodec<Customer> CUSTOMER = new BinaryCodec<>() {
        @Override
        public void write(DataOutput out, Customer customer) throws IOException {
            writeString(out, customer.id());
            writeString(out, customer.conversationId());
            writeInstant(out, customer.createdAt());
        }

        @Override
        public Customer read(DataInput in) throws IOException {
            return new Customer(readString(in), readString(in), readInstant(in));
        }
    };

    static final BinaryCodec<AddressLink> ADDRESS_LINK = new BinaryCodec<>() {
        @Override
        public void write(DataOutput out, AddressLink link) throws IOException {
            writeString(out, link.customerId());
            writeString(out, link.source());
            writeInstant(out, link.linkedAt());
        }

        @Override
        public AddressLink read(DataInput in) throws IOException {
            return new AddressLink(readString(in), readString(in), readInstant(in));
        }
    };

    static final BinaryCodec<CustomerContext> CUSTOMER_CONTEXT = new BinaryCodec<>() {
        @Override
        public void write(DataOutput out, CustomerContext c) throws IOException {
            writeDouble(out, c.latitude());
            writeDouble(out, c.longitude());
            writeDouble(out, c.accuracyMeters());
            writeString(out, c.locationSource());
            writeString(out, c.locale());
            writeString(out, c.pageUrl());
            writeString(out, c.tvService());
            writeString(out, c.tvProgramme());
            writeString(out, c.network());
            writeString(out, c.place());
            writeString(out, c.region());
        }

        @Override
        public CustomerContext read(DataInput in) throws IOException {
            return new CustomerContext(readDouble(in), readDouble(in), readDouble(in), readString(in), readString(in),
                    readString(in), readString(in), readString(in), readString(in), readString(in), readString(in));
        }
    };

    static final BinaryCodec<StoredMessage> STORED_MESSAGE = new BinaryCodec<>() {
        @Override
        public void write(DataOutput out, StoredMessage m) throws IOException {
            writeString(out, m.id());
            writeString(out, m.channel());
            writeEnum(out, m.direction());
            writeString(out, m.author());
            writeString(out, m.text());
            writeInstant(out, m.at());
            writeString(out, m.idempotencyKey());
            writeEnum(out, m.delivery());
            writeString(out, m.deliveryDetail());
        }

        @Override
        public StoredMessage read(DataInput in) throws IOException {
            return new StoredMessage(readString(in), readString(in), readEnum(in, Direction.class), readString(in),
                    readString(in), readInstant(in), readString(in), readEnum(in, DeliveryStatus.class), readString(in));
        }
    };

    static final BinaryCodec<Conversation> CONVERSATION = new BinaryCodec<>() {
        @Override
        public void write(DataOutput out, Conversation c) throws IOException {
            writeString(out, c.id());
            writeString(out, c.customerId());
            writeString(out, c.openedFrom());
            out.writeInt(c.tokenHash().length);
            out.write(c.tokenHash());
            writeInstant(out, c.startedAt());
            CUSTOMER_CONTEXT.write(out, c.context());
            out.writeInt(c.messageCount());
            writeInstant(out, c.lastActivity());
            writeStrings(out, List.copyOf(c.channelsHeard()));
            writeString(out, c.lastHeard());
            writeInstant(out, c.lastHeardAt());
        }

        @Override
        public Conversation read(DataInput in) throws IOException {
            String id = readString(in);
            String customerId = readString(in);
            String openedFrom = readString(in);
            byte[] tokenHash = new byte[in.readInt()];
            in.readFully(tokenHash);
            return new Conversation(id, customerId, openedFrom, tokenHash, readInstant(in), CUSTOMER_CONTEXT.read(in),
                    in.readInt(), readInstant(in), Set.copyOf(readStrings(in)), readString(in), readInstant(in));
        }
    };

    static final BinaryCodec<CachedHeader> CACHED_HEADER = new BinaryCodec<>() {
        @Override
        public void write(DataOutput out, CachedHeader cached) throws IOException {
            CONVERSATION.write(out, cached.header());
            out.writeLong(cached.revision());
        }

        @Override
        public CachedHeader read(DataInput in) throws IOException {
            return new CachedHeader(CONVERSATION.read(in), in.readLong());
        }
    };

    static final BinaryCodec<CachedHeader.KeepNewer> KEEP_NEWER = new BinaryCodec<>() {
        @Override
        public void write(DataOutput out, CachedHeader.KeepNewer keep) throws IOException {
            CACHED_HEADER.write(out, keep.newer());
        }

        @Override
        public CachedHeader.KeepNewer read(DataInput in) throws IOException {
            return new CachedHeader.KeepNewer(CACHED_HEADER.read(in));
        }
    };

    static final BinaryCodec<NearbyPoint> NEARBY_POINT = new BinaryCodec<>() {
        @Override
        public void write(DataOutput out, NearbyPoint p) throws IOException {
            writeString(out, p.name());
            writeString(out, p.address());
            out.writeDouble(p.latitude());
            out.writeDouble(p.longitude());
            out.writeLong(p.distanceMeters());
            writeBoolean(out, p.openNow());
            writeString(out, p.hours());
        }

        @Override
        public NearbyPoint read(DataInput in) throws IOException {
            return new NearbyPoint(readString(in), readString(in), in.readDouble(), in.readDouble(), in.readLong(),
                    readBoolean(in), readString(in));
        }
    };

    static final BinaryCodec<RecordedOutcome> RECORDED_OUTCOME = new BinaryCodec<>() {
        @Override
        public void write(DataOutput out, RecordedOutcome outcome) throws IOException {
            writeString(out, outcome.conversationId());
            StoredReply r = outcome.reply();
            writeString(out, r.view());
            writeString(out, r.text());
            writeString(out, r.source());
            writeStrings(out, r.topics());
            writeInteger(out, r.queuePosition());
            writeLong(out, r.estimatedWaitSeconds());
            writeBoolean(out, r.agentsOnDuty());
            writeList(out, r.nearby(), NEARBY_POINT);
            writeString(out, r.region());
        }

        @Override
        public RecordedOutcome read(DataInput in) throws IOException {
            String conversationId = readString(in);
            return new RecordedOutcome(conversationId, new StoredReply(readString(in), readString(in), readString(in),
                    readStrings(in), readInteger(in), readLong(in), readBoolean(in), readList(in, NEARBY_POINT),
                    readString(in)));
        }
    };
}
