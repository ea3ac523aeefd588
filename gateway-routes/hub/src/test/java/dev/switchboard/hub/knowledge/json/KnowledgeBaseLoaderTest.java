package dev.switchboard.hub.knowledge.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.hub.knowledge.KnowledgeArticle;
import dev.switchboard.hub.knowledge.KnowledgeBase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KnowledgeBaseLoaderTest {

    private static final String GOOD = """
            {"articles": [
              {"id": "hours", "topic": "Opening hours", "question": "When are you open?",
               "phrasings": ["What time do you open?"], "answer": "Mon-Fri 9-17.", "tags": ["hours"]},
              {"id": "news", "topic": "News replay", "question": "Can I watch the news again?",
               "answer": "Press OK > Replay.", "tvService": "dvb://1.2.3", "tvProgramme": "Evening News"}
            ]}
            """;

    @TempDir
    Path dir;

    private Path write(String name, String json) throws IOException {
        return Files.writeString(dir.resolve(name), json, StandardCharsets.UTF_8);
    }

    @Test
    void loadsAGoodFile() throws IOException {
        Path file = write("good.json", GOOD);

        KnowledgeBase kb = KnowledgeBaseLoader.fromPath(file);

        assertThat(kb.topics()).containsExactly("Opening hours", "News replay");
        assertThat(kb.threshold()).isEqualTo(KnowledgeBase.DEFAULT_THRESHOLD);
        KnowledgeArticle news = kb.byTopic("2").orElseThrow();
        assertThat(news.tvService()).isEqualTo("dvb://1.2.3");
        assertThat(news.tvProgramme()).isEqualTo("Evening News");
        assertThat(news.phrasings()).isEmpty();
        assertThat(kb.byTopic("1").orElseThrow().phrasings()).containsExactly("What time do you open?");
        assertThat(kb.bestAnswer("what time do you open", null, null, null))
                .map(match -> match.article().id()).contains("hours");
    }

    @Test
    void loadsTheDemoSetFromTheClasspathWithACustomThreshold() {
        KnowledgeBase kb = KnowledgeBaseLoader.fromClasspath("/knowledge-base.json", 0.5);

        assertThat(kb.threshold()).isEqualTo(0.5);
        assertThat(kb.topics()).contains("Opening hours", "Godziny otwarcia", "Reset hasła");
    }

    @Test
    void duplicateIdIsReportedWithFileAndArticle() throws IOException {
        Path file = write("dup.json", """
                {"articles": [
                  {"id": "a", "topic": "One", "question": "q1", "answer": "x"},
                  {"id": "a", "topic": "Two", "question": "q2", "answer": "y"}
                ]}
                """);

        assertThatThrownBy(() -> KnowledgeBaseLoader.fromPath(file))
                .isInstanceOf(KnowledgeBaseException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("article #2 (id 'a')")
                .hasMessageContaining("duplicate id 'a'")
                .hasMessageContaining("article #1");
    }

    @Test
    void missingAnswerIsReportedWithFileAndArticle() throws IOException {
        Path file = write("missing.json", """
                {"articles": [
                  {"id": "a", "topic": "One", "question": "q1", "answer": "x"},
                  {"id": "b", "topic": "Two", "question": "q2"}
                ]}
                """);

        assertThatThrownBy(() -> KnowledgeBaseLoader.fromPath(file))
                .isInstanceOf(KnowledgeBaseException.class)
                .hasMessage(file + ": article #2 (id 'b'): \"answer\" is missing");
    }

    @Test
    void blankQuestionAndMissingIdAreReported() throws IOException {
        Path blank = write("blank.json", """
                {"articles": [{"id": "a", "topic": "One", "question": "  ", "answer": "x"}]}
                """);
        Path noId = write("noid.json", """
                {"articles": [{"topic": "One", "question": "q", "answer": "x"}]}
                """);

        assertThatThrownBy(() -> KnowledgeBaseLoader.fromPath(blank))
                .hasMessageContaining("article #1 (id 'a'): \"question\" is blank");
        assertThatThrownBy(() -> KnowledgeBaseLoader.fromPath(noId))
                .hasMessageContaining("article #1: \"id\" is missing");
    }

    @Test
    void malformedJsonIsReportedWithLineAndColumn() throws IOException {
        Path file = write("broken.json", """
                {"articles": [
                  {"id": "a", "topic": "One", "question": "q1" "answer": "x"}
                ]}
                """);

        assertThatThrownBy(() -> KnowledgeBaseLoader.fromPath(file))
                .isInstanceOf(KnowledgeBaseException.class)
                .hasMessageStartingWith(file + ": malformed JSON at line 2, column ")
                .hasMessageContaining("Unexpected character");
    }

    @Test
    void duplicateJsonKeyAndTrailingContentAreMalformed() throws IOException {
        Path duplicateKey = write("dupkey.json", """
                {"articles": [{"id": "a", "id": "b", "topic": "One", "question": "q", "answer": "x"}]}
                """);
        Path trailing = write("trailing.json", "{\"articles\": []} {}");

        assertThatThrownBy(() -> KnowledgeBaseLoader.fromPath(duplicateKey))
                .hasMessageContaining("malformed JSON at line 1").hasMessageContaining("Duplicate field 'id'");
        assertThatThrownBy(() -> KnowledgeBaseLoader.fromPath(trailing))
                .hasMessageContaining("malformed JSON at line 1");
    }

    @Test
    void wrongShapesAreReported() throws IOException {
        assertThatThrownBy(() -> KnowledgeBaseLoader.fromPath(write("list.json", "[]")))
                .hasMessageContaining("top level must be an object");
        assertThatThrownBy(() -> KnowledgeBaseLoader.fromPath(write("none.json", "{}")))
                .hasMessageContaining("\"articles\" must be an array");
        assertThatThrownBy(() -> KnowledgeBaseLoader.fromPath(write("emptylist.json", "{\"articles\": []}")))
                .hasMessageContaining("\"articles\" is empty");
        assertThatThrownBy(() -> KnowledgeBaseLoader.fromPath(write("empty.json", "")))
                .hasMessageContaining("file is empty");
        assertThatThrownBy(() -> KnowledgeBaseLoader.fromPath(write("tags.json", """
                {"articles": [{"id": "a", "topic": "T", "question": "q", "answer": "x", "tags": "hours"}]}
                """)))
                .hasMessageContaining("article #1 (id 'a'): \"tags\" must be an array of strings");
        assertThatThrownBy(() -> KnowledgeBaseLoader.fromPath(write("number.json", """
                {"articles": [{"id": "a", "topic": "T", "question": "q", "answer": 42}]}
                """)))
                .hasMessageContaining("\"answer\" must be a string");
    }

    @Test
    void unknownFieldIsReportedSoTyposAreNotSilentlyIgnored() throws IOException {
        Path file = write("typo.json", """
                {"articles": [{"id": "a", "topic": "T", "question": "q", "answer": "x", "phrasing": ["p"]}]}
                """);

        assertThatThrownBy(() -> KnowledgeBaseLoader.fromPath(file))
                .hasMessageContaining("article #1 (id 'a'): unknown field \"phrasing\"");
    }

    @Test
    void duplicateTopicIsReportedWithBothArticles() throws IOException {
        Path file = write("topics.json", """
                {"articles": [
                  {"id": "a", "topic": "Opening hours", "question": "q1", "answer": "x"},
                  {"id": "b", "topic": "opening HOURS", "question": "q2", "answer": "y"}
                ]}
                """);

        assertThatThrownBy(() -> KnowledgeBaseLoader.fromPath(file))
                .hasMessageContaining(file.toString())
                .hasMessageContaining("duplicate topic")
                .hasMessageContaining("'a' and 'b'");
    }

    @Test
    void missingFileOrResourceIsReported() {
        Path missing = dir.resolve("nope.json");

        assertThatThrownBy(() -> KnowledgeBaseLoader.fromPath(missing))
                .isInstanceOf(KnowledgeBaseException.class)
                .hasMessage("knowledge base file not found: " + missing);
        assertThatThrownBy(() -> KnowledgeBaseLoader.fromClasspath("nope.json"))
                .isInstanceOf(KnowledgeBaseException.class)
                .hasMessage("knowledge base resource not found: classpath:nope.json");
    }

    @Test
    void readArticlesReturnsValidatedArticlesInOrder() throws IOException {
        List<KnowledgeArticle> articles = KnowledgeBaseLoader.readArticles(write("good.json", GOOD));

        assertThat(articles).extracting(KnowledgeArticle::id).containsExactly("hours", "news");
    }
}
