package dev.switchboard.adapter.web;

import dev.switchboard.spi.OutboundMessage;
import dev.switchboard.spi.OutboundSender;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Agents' answers on the web chat: the customer's page reads them from his thread
 * ({@code GET /api/conversations/{id}}), where the hub stored them before handing them over, so taking one
 * on is all there is to do.
 */
final class WebChatSender implements OutboundSender {
    private static final Logger LOG = LoggerFactory.getLogger(WebChatSender.class);

    @Override
    public void send(OutboundMessage message) {
        LOG.debug("Agent message {} waits in conversation {} for the customer's page", message.messageId(),
                message.conversationId());
    }
}
