package dev.switchboard.smsc.simulator;

import dev.switchboard.smpp.wire.Concatenation;
import dev.switchboard.smpp.wire.DataCoding;
import dev.switchboard.smpp.wire.NoDelayConnections;
import dev.switchboard.smpp.wire.Segments;
import dev.switchboard.smpp.wire.UserData;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.text.SimpleDateFormat;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.jsmpp.PDUStringException;
import org.jsmpp.bean.BindType;
import org.jsmpp.bean.CancelSm;
import org.jsmpp.bean.DataCodings;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.QuerySm;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.ReplaceSm;
import org.jsmpp.bean.SubmitMulti;
import org.jsmpp.bean.SubmitSm;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.bean.BroadcastSm;
import org.jsmpp.bean.CancelBroadcastSm;
import org.jsmpp.bean.QueryBroadcastSm;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.extra.SessionState;
import org.jsmpp.session.BindRequest;
import org.jsmpp.session.BroadcastSmResult;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.QueryBroadcastSmResult;
import org.jsmpp.session.QuerySmResult;
import org.jsmpp.session.SMPPServerSession;
import org.jsmpp.session.SMPPServerSessionListener;
import org.jsmpp.session.ServerMessageReceiverListener;
import org.jsmpp.session.ServerResponseDeliveryAdapter;
import org.jsmpp.session.Session;
import org.jsmpp.session.SubmitMultiResult;
import org.jsmpp.session.SubmitSmResult;
import org.jsmpp.session.connection.ServerConnection;
import org.jsmpp.session.connection.ServerConnectionFactory;
import org.jsmpp.session.connection.Connection;
import org.jsmpp.util.MessageId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An SMSC on jSMPP's server side, for running the desk without an operator and for tests: it takes binds
 * with one system id and password, passes phones' texts to the bound ESME as deliver_sm (long ones in
 * concatenated parts), takes submit_sm, joins their parts into texts on the simulated phones, and answers
 * every part with a delivery receipt (DELIVRD, or UNDELIV for a number told to fail). It can be told to
 * answer the next submits with a back-pressure status. Listens on loopback only.
 */
public final class SmscSimulator implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SmscSimulator.class);
    private static final int BIND_WAIT_MILLIS = 5_000;
    /** How long a deliver_sm waits for its response: the desk stores a text (and asks the hub) first. */
    private static final long RESPONSE_WAIT_MILLIS = 15_000;
    private static final int ESME_RINVPASWD = 0x0E;
    private static final int ESME_RINVSYSID = 0x0F;
    private static final int ESME_RINVDSTADR = 0x0B;

    private final String systemId;
    private final String password;
    private final SMPPServerSessionListener listener;
    private final int port;
    private final ExecutorService workers = Executors.newCachedThreadPool(daemon("smsc-sim"));
    private final ExecutorService receipts = Executors.newFixedThreadPool(2, daemon("smsc-sim-receipt"));
    private final List<SMPPServerSession> sessions = new CopyOnWriteArrayList<>();
    private final List<SubmittedPart> submitted = java.util.Collections.synchronizedList(new ArrayList<>());
    private final Map<String, SubmittedPart> submittedById = new java.util.concurrent.ConcurrentHashMap<>();
    private final List<PhoneText> texts = java.util.Collections.synchronizedList(new ArrayList<>());
    private final List<Consumer<PhoneText>> textListeners = new CopyOnWriteArrayList<>();
    private final Map<String, TreeMap<Integer, byte[]>> partsInTransit = new HashMap<>();
    private final Map<String, String> failingNumbers = new HashMap<>();
    private final java.util.Set<String> unreachableNumbers = new java.util.HashSet<>();
    private final AtomicLong nextMessageId = new AtomicLong(1);
    private final AtomicInteger nextReference = new AtomicInteger();
    private final AtomicInteger pushBacks = new AtomicInteger();
    private final AtomicInteger enquireLinks = new AtomicInteger();
    private volatile int pushBackStatus;
    private volatile int deliverOverBind = -1;
    private volatile boolean receiptsOverAnotherBind;
    private volatile boolean running = true;

    private SmscSimulator(String systemId, String password, int port) throws IOException {
        this.systemId = systemId;
        this.password = password;
        LoopbackFactory factory = new LoopbackFactory();
        this.listener = new SMPPServerSessionListener(port, factory);
        this.port = factory.boundPort;
        listener.setMessageReceiverListener(new Receiver());
        listener.setResponseDeliveryListener(new ServerResponseDeliveryAdapter() {
            @Override
            public void onSubmitSmRespSent(SubmitSmResult result, SMPPServerSession source) {
                receipts.execute(() -> sendReceipt(result.getMessageId(), source));
            }
        });
        workers.execute(this::acceptLoop);
    }

    /**
     * Starts a simulator on loopback.
     *
     * @param port 0 for any free port; {@link #port()} tells which
     */
    public static SmscSimulator start(int port, String systemId, String password) throws IOException {
        SmscSimulator simulator = new SmscSimulator(systemId, password, port);
        LOG.info("SMSC simulator listening on 127.0.0.1:{} for system id '{}'", simulator.port, systemId);
        return simulator;
    }

    public int port() {
        return port;
    }

    /** Whether an ESME is bound to receive texts (a receiver or transceiver). */
    public boolean hasReceiver() {
        return receiver() != null;
    }

    /** How many binds receive texts now (receivers and transceivers, of every ESME). */
    public int receivingBinds() {
        return receivers().size();
    }

    /**
     * Passes the phones' texts over receiving bind number {@code bind}, counted in the order the binds were made
     * (0: the first), as an SMSC may deliver over any bind of an account; -1: over the first again.
     */
    public void deliverOverBind(int bind) {
        deliverOverBind = bind;
    }

    /**
     * Sends each delivery receipt over a receiving bind other than the one that submitted its text, when there is
     * one, as an SMSC may for an account with several binds; {@code false}: back over the submitting bind.
     */
    public void receiptsOverAnotherBind(boolean other) {
        receiptsOverAnotherBind = other;
    }

    /**
     * A phone texts {@code to}: sent as deliver_sm, in concatenated parts when long. Returns when the ESME
     * acknowledged every part.
     *
     * @throws IllegalStateException when no ESME is bound to receive, or it refused a part
     */
    public void text(String fromNumber, String to, String text) {
        Segments segments = Segments.of(text);
        List<byte[]> parts = segments.shortMessages(nextReference.incrementAndGet());
        for (byte[] part : parts) {
            deliver(fromNumber, to, parts.size() > 1 ? 0x40 : 0x00, segments.coding().value(), part);
        }
        record(new PhoneText(fromNumber, false, text, parts.size(), Instant.now()));
    }

    /**
     * Passes one deliver_sm to the bound ESME exactly as given, for tests of encodings and headers.
     *
     * @throws IllegalStateException when no ESME is bound to receive, or it answered with an error status
     */
    public void deliver(String fromNumber, String to, int esmClass, byte dataCoding, byte[] shortMessage,
                        OptionalParameter... tlvs) {
        deliver(TypeOfNumber.INTERNATIONAL, fromNumber.startsWith("+") ? fromNumber.substring(1) : fromNumber, to,
                esmClass, dataCoding, shortMessage, tlvs);
    }

    /** As {@link #deliver(String, String, int, byte, byte[], OptionalParameter...)} with the sender's TON given. */
    public void deliver(TypeOfNumber senderTon, String sender, String to, int esmClass, byte dataCoding,
                        byte[] shortMessage, OptionalParameter... tlvs) {
        SMPPServerSession session = receiver();
        if (session == null) {
            throw new IllegalStateException("no ESME is bound to receive texts");
        }
        try {
            session.deliverShortMessage("", senderTon, NumberingPlanIndicator.ISDN, sender,
                    TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, to, new ESMClass(esmClass), (byte) 0, (byte) 0,
                    new RegisteredDelivery(0), DataCodings.newInstance(dataCoding), shortMessage, tlvs);
        } catch (Exception e) {
            throw new IllegalStateException("the ESME did not take the text: " + e, e);
        }
    }

    /** Every text of one phone so far, oldest first, both ways. */
    public List<PhoneText> conversation(String number) {
        synchronized (texts) {
            return texts.stream().filter(t -> t.number().equals(number)).toList();
        }
    }

    /** The texts the desk sent to {@code number}. */
    public List<PhoneText> received(String number) {
        synchronized (texts) {
            return texts.stream().filter(t -> t.number().equals(number) && t.fromDesk()).toList();
        }
    }

    /** Every text the desk sent, to any phone. */
    public List<PhoneText> receivedByAll() {
        synchronized (texts) {
            return texts.stream().filter(PhoneText::fromDesk).toList();
        }
    }

    /** Forgets the texts and submits seen so far (a long benchmark run keeps memory flat). */
    public void forgetTexts() {
        texts.clear();
        submitted.clear();
    }

    /** Every submit_sm so far. */
    public List<SubmittedPart> submitted() {
        synchronized (submitted) {
            return List.copyOf(submitted);
        }
    }

    /** Calls {@code listener} with every whole text the desk sends, on a simulator thread. */
    public void onTextFromDesk(Consumer<PhoneText> textListener) {
        textListeners.add(textListener);
    }

    /** Answers the next {@code count} submit_sm with {@code status} (ESME_RTHROTTLED 0x58, ESME_RMSGQFUL 0x14). */
    public void pushBack(int count, int status) {
        pushBackStatus = status;
        pushBacks.set(count);
    }

    /** Receipts for texts to {@code number} say UNDELIV with error code {@code error} (three digits). */
    public synchronized void failDeliveriesTo(String number, String error) {
        failingNumbers.put(number, error);
    }

    /** How many enquire_link keep-alives the ESMEs sent. */
    public int enquireLinks() {
        return enquireLinks.get();
    }

    /** Texts to {@code number} are accepted and never receipted, as for a phone that is switched off. */
    public synchronized void switchOff(String number) {
        unreachableNumbers.add(number);
    }

    private SMPPServerSession receiver() {
        List<SMPPServerSession> receivers = receivers();
        if (receivers.isEmpty()) {
            return null;
        }
        int chosen = deliverOverBind;
        return chosen >= 0 && chosen < receivers.size() ? receivers.get(chosen) : receivers.get(0);
    }

    private List<SMPPServerSession> receivers() {
        List<SMPPServerSession> receivers = new ArrayList<>();
        for (SMPPServerSession session : sessions) {
            SessionState state = session.getSessionState();
            if (state == SessionState.BOUND_RX || state == SessionState.BOUND_TRX) {
                receivers.add(session);
            }
        }
        return receivers;
    }

    private void acceptLoop() {
        while (running) {
            try {
                SMPPServerSession session = listener.accept();
                workers.execute(() -> awaitBind(session));
            } catch (IOException e) {
                if (running) {
                    LOG.warn("SMSC simulator: accepting a connection failed: {}", e.getMessage());
                }
            }
        }
    }

    private void awaitBind(SMPPServerSession session) {
        try {
            BindRequest bind = session.waitForBind(BIND_WAIT_MILLIS);
            if (!systemId.equals(bind.getSystemId())) {
                LOG.warn("SMSC simulator: refused a bind from unknown system id '{}'", bind.getSystemId());
                bind.reject(ESME_RINVSYSID);
                return;
            }
            if (!password.equals(bind.getPassword() == null ? "" : bind.getPassword())) {
                LOG.warn("SMSC simulator: refused a bind from '{}' with a wrong password", bind.getSystemId());
                bind.reject(ESME_RINVPASWD);
                return;
            }
            session.addSessionStateListener((newState, oldState, source) -> {
                if (!newState.isBound()) {
                    sessions.remove(session);
                }
            });
            bind.accept(systemId);
            session.setTransactionTimer(RESPONSE_WAIT_MILLIS);
            sessions.add(session);
            LOG.info("SMSC simulator: '{}' bound as {}", bind.getSystemId(), bind.getBindType());
        } catch (Exception e) {
            LOG.warn("SMSC simulator: no bind on a new connection: {}", e.toString());
            session.close();
        }
    }

    private SubmitSmResult accept(SubmitSm submit) throws ProcessRequestException {
        if (pushBacks.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            throw new ProcessRequestException("simulated back-pressure", pushBackStatus);
        }
        String destination = submit.getDestAddress();
        if (destination == null || !destination.matches("[0-9]{7,15}")) {
            throw new ProcessRequestException("destination is not a number", ESME_RINVDSTADR);
        }
        String id = Long.toString(nextMessageId.getAndIncrement());
        SubmittedPart part = new SubmittedPart(id, destination, submit.getEsmClass(), submit.getDataCoding(),
                submit.getRegisteredDelivery(), submit.getShortMessage());
        submitted.add(part);
        submittedById.put(id, part);
        collect(part);
        try {
            return new SubmitSmResult(new MessageId(id), new OptionalParameter[0]);
        } catch (PDUStringException e) {
            throw new ProcessRequestException("message id " + id + " is not valid", 0x08);
        }
    }

    /** Joins the parts of one text on the phone; the text arrives when its last part does. */
    private void collect(SubmittedPart part) {
        DataCoding coding = DataCoding.of(part.dataCoding());
        UserData data = UserData.read(part.shortMessage(), part.udhi(), null);
        Concatenation concatenation = data.concatenation();
        String number = "+" + part.destination();
        if (concatenation == null || concatenation.total() == 1) {
            record(new PhoneText(number, true, coding.decode(data.octets(), 0, data.octets().length), 1, Instant.now()));
            return;
        }
        String group = number + "|" + concatenation.reference() + "|" + concatenation.total();
        byte[] whole = null;
        synchronized (partsInTransit) {
            TreeMap<Integer, byte[]> parts = partsInTransit.computeIfAbsent(group, g -> new TreeMap<>());
            parts.put(concatenation.number(), data.octets());
            if (parts.size() == concatenation.total()) {
                ByteArrayOutputStream joined = new ByteArrayOutputStream();
                parts.values().forEach(joined::writeBytes);
                whole = joined.toByteArray();
                partsInTransit.remove(group);
            }
        }
        if (whole != null) {
            record(new PhoneText(number, true, coding.decode(whole, 0, whole.length), concatenation.total(), Instant.now()));
        }
    }

    private void record(PhoneText text) {
        texts.add(text);
        if (text.fromDesk()) {
            textListeners.forEach(l -> l.accept(text));
        }
    }

    private void sendReceipt(String messageId, SMPPServerSession source) {
        SubmittedPart part = submittedById.remove(messageId);
        if (part == null || (part.registeredDelivery() & 0x03) == 0) {
            return;
        }
        String error;
        synchronized (this) {
            if (unreachableNumbers.contains("+" + part.destination())) {
                return;
            }
            error = failingNumbers.get("+" + part.destination());
        }
        boolean delivered = error == null;
        String now = new SimpleDateFormat("yyMMddHHmm").format(new Date());
        String receipt = "id:" + messageId + " sub:001 dlvrd:" + (delivered ? "001" : "000") + " submit date:" + now
                + " done date:" + now + " stat:" + (delivered ? "DELIVRD" : "UNDELIV") + " err:"
                + (delivered ? "000" : error) + " text:";
        SMPPServerSession session = source.getSessionState().isReceivable() ? source : receiver();
        if (receiptsOverAnotherBind) {
            session = receivers().stream().filter(other -> other != source).findFirst().orElse(session);
        }
        if (session == null) {
            LOG.warn("SMSC simulator: no receiver bound for the receipt of message {}", messageId);
            return;
        }
        try {
            session.deliverShortMessage("", TypeOfNumber.INTERNATIONAL, NumberingPlanIndicator.ISDN, part.destination(),
                    TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, "", new ESMClass(0x04), (byte) 0, (byte) 0,
                    new RegisteredDelivery(0), DataCodings.ZERO, receipt.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1),
                    new OptionalParameter.COctetString(OptionalParameter.Tag.RECEIPTED_MESSAGE_ID.code(), messageId),
                    new OptionalParameter.Byte(OptionalParameter.Tag.MESSAGE_STATE, (byte) (delivered ? 2 : 5)));
        } catch (Exception e) {
            LOG.warn("SMSC simulator: the receipt of message {} was not taken: {}", messageId, e.toString());
        }
    }

    /** Stops listening and closes every session, as an SMSC going down would. */
    @Override
    public void close() {
        running = false;
        try {
            listener.close();
        } catch (IOException e) {
            LOG.debug("closing the simulator's listener: {}", e.getMessage());
        }
        for (SMPPServerSession session : sessions) {
            session.close();
        }
        sessions.clear();
        workers.shutdownNow();
        receipts.shutdownNow();
        LOG.info("SMSC simulator on port {} stopped", port);
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        AtomicInteger count = new AtomicInteger();
        return r -> {
            Thread thread = new Thread(r, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** Listens on loopback, remembers the port it got, and turns Nagle's algorithm off on each connection. */
    private static final class LoopbackFactory implements ServerConnectionFactory {
        int boundPort;

        @Override
        public ServerConnection listen(int port) throws IOException {
            return listen(port, 0, 50);
        }

        @Override
        public ServerConnection listen(int port, int timeout) throws IOException {
            return listen(port, timeout, 50);
        }

        @Override
        public ServerConnection listen(int port, int timeout, int backlog) throws IOException {
            ServerSocket socket = new ServerSocket();
            socket.setReuseAddress(true);
            socket.bind(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), port), backlog);
            socket.setSoTimeout(timeout);
            boundPort = socket.getLocalPort();
            return new ServerConnection() {
                @Override
                public Connection accept() throws IOException {
                    return NoDelayConnections.accepted(socket.accept());
                }

                @Override
                public void setSoTimeout(int millis) throws IOException {
                    socket.setSoTimeout(millis);
                }

                @Override
                public int getSoTimeout() throws IOException {
                    return socket.getSoTimeout();
                }

                @Override
                public void close() throws IOException {
                    socket.close();
                }
            };
        }
    }

    private final class Receiver implements ServerMessageReceiverListener {
        @Override
        public SubmitSmResult onAcceptSubmitSm(SubmitSm submitSm, SMPPServerSession source) throws ProcessRequestException {
            return accept(submitSm);
        }

        @Override
        public SubmitMultiResult onAcceptSubmitMulti(SubmitMulti submitMulti, SMPPServerSession source)
                throws ProcessRequestException {
            throw new ProcessRequestException("submit_multi is not simulated", 0x03);
        }

        @Override
        public QuerySmResult onAcceptQuerySm(QuerySm querySm, SMPPServerSession source) throws ProcessRequestException {
            throw new ProcessRequestException("query_sm is not simulated", 0x03);
        }

        @Override
        public void onAcceptReplaceSm(ReplaceSm replaceSm, SMPPServerSession source) throws ProcessRequestException {
            throw new ProcessRequestException("replace_sm is not simulated", 0x03);
        }

        @Override
        public void onAcceptCancelSm(CancelSm cancelSm, SMPPServerSession source) throws ProcessRequestException {
            throw new ProcessRequestException("cancel_sm is not simulated", 0x03);
        }

        @Override
        public BroadcastSmResult onAcceptBroadcastSm(BroadcastSm broadcastSm, SMPPServerSession source)
                throws ProcessRequestException {
            throw new ProcessRequestException("broadcast_sm is not simulated", 0x03);
        }

        @Override
        public void onAcceptCancelBroadcastSm(CancelBroadcastSm cancelBroadcastSm, SMPPServerSession source)
                throws ProcessRequestException {
            throw new ProcessRequestException("cancel_broadcast_sm is not simulated", 0x03);
        }

        @Override
        public QueryBroadcastSmResult onAcceptQueryBroadcastSm(QueryBroadcastSm queryBroadcastSm, SMPPServerSession source)
                throws ProcessRequestException {
            throw new ProcessRequestException("query_broadcast_sm is not simulated", 0x03);
        }

        @Override
        public DataSmResult onAcceptDataSm(DataSm dataSm, Session source) throws ProcessRequestException {
            throw new ProcessRequestException("data_sm is not simulated", 0x03);
        }

        @Override
        public void onAcceptEnquireLink(org.jsmpp.bean.EnquireLink enquireLink, Session source) {
            enquireLinks.incrementAndGet();
        }
    }
}
