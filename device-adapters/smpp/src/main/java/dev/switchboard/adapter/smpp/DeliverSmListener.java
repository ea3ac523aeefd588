package dev.switchboard.adapter.smpp;

import dev.switchboard.spi.InvalidAddressException;
import org.jsmpp.bean.AlertNotification;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.DeliverSm;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.MessageReceiverListener;
import org.jsmpp.session.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The boundary between jSMPP and the adapter for what the SMSC sends: a deliver_sm is a customer's text or
 * a delivery receipt. jSMPP sends deliver_sm_resp when this returns, so it goes out only after the text is
 * stored; a failure becomes an error status instead: a message that can never be read is refused for good
 * (bad sender, alphabet or header), anything else (the hub is away) with ESME_RX_T_APPN, so the SMSC delivers
 * it again later.
 */
final class DeliverSmListener implements MessageReceiverListener {
    private static final Logger LOG = LoggerFactory.getLogger(DeliverSmListener.class);
    private static final int ESME_RINVCMDID = 0x03;

    private final IncomingTexts texts;
    private final DeliveryReceipts receipts;

    DeliverSmListener(IncomingTexts texts, DeliveryReceipts receipts) {
        this.texts = texts;
        this.receipts = receipts;
    }

    @Override
    public void onAcceptDeliverSm(DeliverSm deliverSm) throws ProcessRequestException {
        boolean receipt = DeliverSm.isSmscDeliveryReceipt(deliverSm.getEsmClass());
        try {
            if (receipt) {
                receipts.apply(deliverSm);
            } else {
                texts.accept(deliverSm);
            }
        } catch (InvalidAddressException e) {
            LOG.warn("Refused a text from {}: {}", deliverSm.getSourceAddr(), e.getMessage());
            throw new ProcessRequestException(e.getMessage(), CommandStatus.ESME_RINVSRCADR);
        } catch (IllegalArgumentException e) {
            LOG.warn("Refused {} from {}: {}", receipt ? "a delivery receipt" : "a text", deliverSm.getSourceAddr(),
                    e.getMessage());
            throw new ProcessRequestException(e.getMessage(), CommandStatus.ESME_RINVDCS);
        } catch (RuntimeException e) {
            LOG.error("Could not store {} from {}; answering {} so that the SMSC delivers it again",
                    receipt ? "a delivery receipt" : "a text", deliverSm.getSourceAddr(),
                    CommandStatus.describe(CommandStatus.ESME_RX_T_APPN), e);
            throw new ProcessRequestException("could not be stored now: " + e.getMessage(), CommandStatus.ESME_RX_T_APPN, e);
        }
    }

    @Override
    public void onAcceptAlertNotification(AlertNotification alertNotification) {
        LOG.debug("Ignoring an alert_notification for {}", alertNotification.getSourceAddr());
    }

    @Override
    public DataSmResult onAcceptDataSm(DataSm dataSm, Session source) throws ProcessRequestException {
        throw new ProcessRequestException("data_sm is not supported; send deliver_sm", ESME_RINVCMDID);
    }
}
