/**
 * The Twilio channel (adapter {@code twilio}): SMS and MMS webhooks checked with the SDK's RequestValidator,
 * answers in TwiML, status callbacks, the REST client for answers sent later, and calls: call backs placed with
 * the Calls API, the help number's menu and the calls' status callbacks.
 */
package dev.switchboard.adapter.twilio;
