/**
 * The Twilio channel (adapter {@code twilio}): SMS and MMS webhooks checked with the SDK's RequestValidator,
 * answers in TwiML, status callbacks, and the REST client for answers sent later.
 */
package dev.switchboard.adapter.twilio;
