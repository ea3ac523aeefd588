package dev.switchboard.bench;

import dev.switchboard.smpp.wire.NoDelayConnections;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jsmpp.bean.AlertNotification;
import org.jsmpp.bean.BindType;
import org.jsmpp.bean.DataCodings;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.DeliverSm;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.SMSCDeliveryReceipt;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.session.BindParameter;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.MessageReceiverListener;
import org.jsmpp.session.SMPPSession;
import org.jsmpp.session.Session;

/**
 * The SMS benchmark's baseline: a bare jSMPP ESME bound as a transceiver that answers every text at once
 * with the same text (no hub, no storage), from {@code window} sender threads, receipts requested like the
 * desk's. What the SMPP path alone costs on this machine.
 */
final class EchoEsme implements AutoCloseable {
    private final SMPPSession session = new SMPPSession(new NoDelayConnections());
    private final ExecutorService senders;

    EchoEsme(int port, String systemId, String password, int window) throws Exception {
        senders = Executors.newFixedThreadPool(window);
        session.setPduProcessorDegree(window);
        session.setTransactionTimer(10_000);
        session.setMessageReceiverListener(new MessageReceiverListener() {
            @Override
            public void onAcceptDeliverSm(DeliverSm deliverSm) {
                if (!DeliverSm.isSmscDeliveryReceipt(deliverSm.getEsmClass())) {
                    senders.execute(() -> echo(deliverSm));
                }
            }

            @Override
            public void onAcceptAlertNotification(AlertNotification alertNotification) {
            }

            @Override
            public DataSmResult onAcceptDataSm(DataSm dataSm, Session source) throws ProcessRequestException {
                throw new ProcessRequestException("not supported", 0x03);
            }
        });
        session.connectAndBind("127.0.0.1", port, new BindParameter(BindType.BIND_TRX, systemId, password, "",
                TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, null), 10_000);
    }

    private void echo(DeliverSm text) {
        try {
            session.submitShortMessage("", TypeOfNumber.NETWORK_SPECIFIC, NumberingPlanIndicator.UNKNOWN,
                    text.getDestAddress(), TypeOfNumber.INTERNATIONAL, NumberingPlanIndicator.ISDN, text.getSourceAddr(),
                    new ESMClass(0), (byte) 0, (byte) 0, null, null,
                    new RegisteredDelivery(SMSCDeliveryReceipt.SUCCESS_FAILURE), (byte) 0,
                    DataCodings.newInstance(text.getDataCoding()), (byte) 0, text.getShortMessage());
        } catch (Exception e) {
            throw new IllegalStateException("echo failed: " + e, e);
        }
    }

    @Override
    public void close() {
        session.unbindAndClose();
        senders.shutdownNow();
    }
}
