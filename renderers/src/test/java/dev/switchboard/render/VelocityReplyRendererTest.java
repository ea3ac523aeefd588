package dev.switchboard.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import dev.switchboard.spi.Channel;
import dev.switchboard.spi.DeviceProfile;
import dev.switchboard.spi.QueueStatus;
import dev.switchboard.spi.RenderedReply;
import dev.switchboard.spi.Reply;
import dev.switchboard.spi.ThreadMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class VelocityReplyRendererTest {
    private static final VelocityReplyRenderer RENDERER = new VelocityReplyRenderer();

    @Test
    void longSmsAnswerIsTrimmedToFourSegments() {
        String sixHundredCharacters = "Bring the parcel and its receipt to a service point near you. ".repeat(10).substring(0, 600);
        Reply answer = Reply.answer(sixHundredCharacters, Reply.Source.KNOWLEDGE_BASE,
                List.of("Opening hours", "Returns", "Delivery"));

        String body = RENDERER.render(DeviceProfile.SMS, answer).body();

        assertThat(SmsBudget.measure(body).segments()).isEqualTo(4);
        assertThat(SmsBudget.measure(body).encoding()).isEqualTo(SmsBudget.Encoding.GSM_7BIT);
        assertThat(body).startsWith(sixHundredCharacters.substring(0, 550)).endsWith("...");
    }

    @Test
    void anUntrimmedSmsKeepsTheWholeAnswerForAnAdapterThatPagesIt() {
        String longAnswer = "Bring the parcel and its receipt to a service point near you. ".repeat(20).strip();
        Reply answer = Reply.answer(longAnswer, Reply.Source.KNOWLEDGE_BASE, List.of());

        String body = RENDERER.renderUntrimmed(DeviceProfile.SMS, answer).body();

        assertThat(body).isEqualTo(longAnswer);
        assertThat(RENDERER.renderUntrimmed(DeviceProfile.HTML5, answer).body())
                .isEqualTo(RENDERER.render(DeviceProfile.HTML5, answer).body());
    }

    @Test
    void smsBudgetIsConfigurable() {
        VelocityReplyRenderer oneMessage = new VelocityReplyRenderer(new SmsBudget(1, " (reply MORE)"));

        String body = oneMessage.render(DeviceProfile.SMS, SampleReplies.answer()).body();

        assertThat(body).endsWith(" (reply MORE)");
        assertThat(SmsBudget.measure(body).segments()).isEqualTo(1);
        assertThat(oneMessage.smsBudget().maxSegments()).isEqualTo(1);
    }

    @Test
    void smsListsAtMostThreeTopics() {
        Reply answer = Reply.answer("Hi.", Reply.Source.KNOWLEDGE_BASE, List.of("One", "Two", "Three", "Four"));

        assertThat(RENDERER.render(DeviceProfile.SMS, answer).body())
                .isEqualTo("Hi.\nYou can also ask about: One, Two, Three");
    }

    @Test
    void smsConversationShowsTheLastThreeMessages() {
        List<ThreadMessage> thread = new ArrayList<>(SampleReplies.conversation().thread());
        thread.add(new ThreadMessage("4", Channel.SMS, ThreadMessage.Direction.OUTBOUND, "Anna", "You're welcome.",
                SampleReplies.THREAD_START.plusSeconds(3600)));

        String body = RENDERER.render(DeviceProfile.SMS, Reply.conversation("Latest:", thread)).body();

        assertThat(body).isEqualTo("Latest:\n14:07 Anna: It left the depot at 9:40 and arrives today.\n"
                + "14:15 you: Thanks!\n15:05 Anna: You're welcome.");
    }

    @Test
    void queueWithoutPositionOrWaitShowsOnlyTheText() {
        Reply reply = Reply.queued("We have your message.", new QueueStatus(0, null, true));

        assertThat(RENDERER.render(DeviceProfile.SMS, reply).body()).isEqualTo("We have your message.");
        assertThat(RENDERER.render(DeviceProfile.TWIML, reply).body())
                .contains("<Response><Message>We have your message.</Message></Response>");
    }

    @Test
    void waitIsRoundedUpToWholeMinutes() {
        assertThat(TemplateModel.waitMinutes(null)).isZero();
        assertThat(TemplateModel.waitMinutes(Duration.ZERO)).isZero();
        assertThat(TemplateModel.waitMinutes(Duration.ofSeconds(1))).isEqualTo(1);
        assertThat(TemplateModel.waitMinutes(Duration.ofSeconds(60))).isEqualTo(1);
        assertThat(TemplateModel.waitMinutes(Duration.ofSeconds(61))).isEqualTo(2);
    }

    @Test
    void emptyRepliesRenderInEveryFormat() {
        Reply empty = new Reply(Reply.View.CONVERSATION, "", Reply.Source.SYSTEM, null, null, null);

        for (DeviceProfile profile : DeviceProfile.values()) {
            RenderMatrixTest.assertValidFor(profile, RENDERER.render(profile, empty).body());
            RenderMatrixTest.assertValidFor(profile,
                    RENDERER.render(profile, new Reply(Reply.View.QUEUE_STATUS, "", Reply.Source.SYSTEM, null, null, null)).body());
        }
    }

    @Test
    void rendersTheSameFromManyThreads() throws Exception {
        List<Reply> replies = Arrays.stream(Reply.View.values()).map(SampleReplies::of).toList();
        List<String> expected = new ArrayList<>();
        for (DeviceProfile profile : DeviceProfile.values()) {
            for (Reply reply : replies) {
                expected.add(RENDERER.render(profile, reply).body());
            }
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<List<String>>> results = new ArrayList<>();
            for (int task = 0; task < 8; task++) {
                results.add(pool.submit(() -> {
                    List<String> bodies = new ArrayList<>();
                    for (int round = 0; round < 200; round++) {
                        bodies.clear();
                        for (DeviceProfile profile : DeviceProfile.values()) {
                            for (Reply reply : replies) {
                                bodies.add(RENDERER.render(profile, reply).body());
                            }
                        }
                    }
                    return bodies;
                }));
            }
            for (Future<List<String>> result : results) {
                assertThat(result.get(30, TimeUnit.SECONDS)).isEqualTo(expected);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void rejectsMissingArguments() {
        assertThatNullPointerException().isThrownBy(() -> RENDERER.render(null, SampleReplies.error()));
        assertThatNullPointerException().isThrownBy(() -> RENDERER.render(DeviceProfile.SMS, null));
    }

    @Test
    void renderedReplyCarriesTheContentType() {
        RenderedReply rendered = RENDERER.render(DeviceProfile.WML, SampleReplies.error());

        assertThat(rendered.contentType()).isEqualTo("text/vnd.wap.wml; charset=UTF-8");
    }
}
