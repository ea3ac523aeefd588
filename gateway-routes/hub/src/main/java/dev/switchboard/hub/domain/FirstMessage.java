package dev.switchboard.hub.domain;

import java.time.Instant;

/**
 * The message that opens a conversation with the agents, as routing rules read it. Each part may be {@code null}
 * when the channel does not tell it.
 *
 * @param channel   the channel's id ({@code email}, {@code sms}, {@code web-chat}, ...)
 * @param from      the address the customer wrote from (an E.164 number, an email address, a visitor id)
 * @param writtenTo the address he wrote to: for an email, the help desk's mailbox that received it
 * @param text      what he wrote
 * @param locale    his language as a BCP 47 tag ({@code pl-PL}), from his device
 * @param region    his region, found from where his device is (see {@link CustomerContext#region()})
 * @param at        when the gateway received it
 */
public record FirstMessage(String channel, String from, String writtenTo, String text, String locale, String region,
                           Instant at) {
}
