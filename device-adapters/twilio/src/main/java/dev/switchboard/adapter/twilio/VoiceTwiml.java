package dev.switchboard.adapter.twilio;

import com.twilio.http.HttpMethod;
import com.twilio.twiml.VoiceResponse;
import com.twilio.twiml.voice.Dial;
import com.twilio.twiml.voice.Enqueue;
import com.twilio.twiml.voice.Gather;
import com.twilio.twiml.voice.Hangup;
import com.twilio.twiml.voice.Number;
import com.twilio.twiml.voice.Say;
import dev.switchboard.spi.E164Number;

/**
 * What Twilio does on the help desk's calls, as TwiML written with the SDK's builders (which escape every
 * value): connect a called-back customer to his agent or the queue, and the help number's menu.
 */
final class VoiceTwiml {
    /** Seconds the menu waits for a key before it says goodbye. */
    private static final int MENU_TIMEOUT_SECONDS = 8;

    private VoiceTwiml() {
    }

    /**
     * For a call back once the customer answers: {@code <Dial>} to the agent's phone, or {@code <Enqueue>}
     * in {@code queue} when the agent has none.
     */
    static String callBack(E164Number agentNumber, String agentName, String queue) {
        if (agentNumber == null) {
            return new VoiceResponse.Builder()
                    .say(say("This is the help desk calling you back. Please hold for the next agent."))
                    .enqueue(new Enqueue.Builder(queue).build())
                    .build().toXml();
        }
        String who = agentName == null || agentName.isBlank() ? "an agent" : agentName;
        return new VoiceResponse.Builder()
                .say(say("This is the help desk calling you back. Connecting you to " + who + "."))
                .dial(new Dial.Builder().number(new Number.Builder(agentNumber.value()).build()).build())
                .build().toXml();
    }

    /** The help number's menu: one key, posted to {@code action}. */
    static String menu(String action) {
        Gather keys = new Gather.Builder()
                .numDigits(1)
                .timeout(MENU_TIMEOUT_SECONDS)
                .action(action)
                .method(HttpMethod.POST)
                .say(say("Welcome to the help desk. To get a text with a link to our help pages, press 1."
                        + " To wait for an agent, press 2."))
                .build();
        return new VoiceResponse.Builder()
                .gather(keys)
                .say(say("We did not get your choice. You can also text us at this number. Goodbye."))
                .hangup(new Hangup.Builder().build())
                .build().toXml();
    }

    /** After key 1: the link is on its way. */
    static String linkTexted() {
        return goodbye("We are texting you a link to our help pages. Thank you for calling. Goodbye.");
    }

    /** After key 2: wait in {@code queue}. */
    static String waitForAgent(String queue) {
        return new VoiceResponse.Builder()
                .say(say("Please hold: the next agent will take your call."))
                .enqueue(new Enqueue.Builder(queue).build())
                .build().toXml();
    }

    /** A caller whose number we cannot read (withheld): nothing to keep his call in. */
    static String numberWithheld() {
        return goodbye("Sorry, we can only take calls that show their number. Please call again showing your"
                + " number, or text us at this number. Goodbye.");
    }

    private static String goodbye(String words) {
        return new VoiceResponse.Builder().say(say(words)).hangup(new Hangup.Builder().build()).build().toXml();
    }

    private static Say say(String words) {
        return new Say.Builder(words).build();
    }
}
