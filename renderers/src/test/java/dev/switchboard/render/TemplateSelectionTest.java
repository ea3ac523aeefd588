package dev.switchboard.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.spi.DeviceProfile;
import dev.switchboard.spi.Reply;
import java.io.IOException;
import java.lang.reflect.Executable;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The template is chosen from the {@link DeviceProfile} and {@link Reply.View} enums only. The renderer has
 * no entry point that takes a template name, a path or template text as a string, so nothing a client
 * sends can pick or inject a template.
 */
class TemplateSelectionTest {

    @Test
    void noPublicEntryPointTakesAString() {
        List<Executable> entryPoints = new ArrayList<>(Arrays.asList(VelocityReplyRenderer.class.getConstructors()));
        Arrays.stream(VelocityReplyRenderer.class.getMethods())
                .filter(method -> method.getDeclaringClass() == VelocityReplyRenderer.class)
                .forEach(entryPoints::add);

        assertThat(entryPoints).isNotEmpty().allSatisfy(entryPoint ->
                assertThat(entryPoint.getParameterTypes()).as(entryPoint.toString())
                        .doesNotContain(String.class, CharSequence.class, Object.class));
        assertThat(Modifier.isFinal(VelocityReplyRenderer.class.getModifiers())).isTrue();
    }

    @Test
    void templatePathComesFromTheProfileIdAndViewName() {
        assertThat(VelocityReplyRenderer.templatePath(DeviceProfile.XHTML_MP, Reply.View.QUEUE_STATUS))
                .isEqualTo("templates/xhtml-mp/queue-status.vm");
        assertThat(VelocityReplyRenderer.templatePath(DeviceProfile.WML, Reply.View.ANSWER))
                .isEqualTo("templates/wml/answer.vm");
    }

    @Test
    void everyProfileHasExactlyTheFourViewsAndBrowsingProfilesTheFourPages() throws IOException, URISyntaxException {
        Path root = templateRoot();
        List<String> expected = Arrays.stream(DeviceProfile.values())
                .flatMap(profile -> Arrays.stream(Reply.View.values())
                        .map(view -> VelocityReplyRenderer.templatePath(profile, view)))
                .collect(Collectors.toCollection(ArrayList::new));
        VelocityReplyRenderer.PAGE_PROFILES.forEach(profile -> Arrays.stream(Reply.View.values())
                .map(view -> VelocityReplyRenderer.pageTemplatePath(profile, view)).forEach(expected::add));
        expected.add(VelocityReplyRenderer.MACRO_LIBRARY);

        try (Stream<Path> files = Files.walk(root)) {
            assertThat(files.filter(Files::isRegularFile)
                    .map(file -> "templates/" + root.relativize(file).toString().replace('\\', '/')))
                    .containsExactlyInAnyOrderElementsOf(expected);
        }
    }

    @Test
    void macrosAreDefinedOnlyInTheLibrary() throws IOException, URISyntaxException {
        Path root = templateRoot();
        Path library = root.resolve("macros.vm");

        try (Stream<Path> files = Files.walk(root)) {
            assertThat(files.filter(file -> file.toString().endsWith(".vm") && !file.equals(library)))
                    .isNotEmpty()
                    .allSatisfy(file -> assertThat(Files.readString(file, StandardCharsets.UTF_8))
                            .as(file.toString()).doesNotContain("#macro"));
        }
    }

    @Test
    void aViewPicksTheSameTemplateWhateverTheReplySays() {
        VelocityReplyRenderer renderer = new VelocityReplyRenderer();
        Reply pretendingToBeAnError = Reply.answer("templates/html5/error.vm", Reply.Source.AGENT, List.of("error"));

        String body = renderer.render(DeviceProfile.HTML5, pretendingToBeAnError).body();

        assertThat(body).contains("sb-answer").doesNotContain("sb-error");
    }

    private static Path templateRoot() throws URISyntaxException {
        URL root = VelocityReplyRenderer.class.getClassLoader().getResource("templates");
        assertThat(root).as("templates on the class path").isNotNull();
        return Paths.get(root.toURI());
    }
}
