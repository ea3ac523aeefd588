package dev.switchboard.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.gateway.adapters.AdapterRegistry;
import dev.switchboard.gateway.config.SwitchboardConfig;
import dev.switchboard.spi.DeviceAdapter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The README is the front door and {@code docs/} the rest of the house: together they must name every setting,
 * module and adapter the code has, the README must stay short, and no link may lead nowhere.
 */
class ReadmeChecksTest {
    private static final Path ROOT = repositoryRoot();
    private static final int README_MAX_LINES = 250;
    private static final String CONFIGURATION_PAGE = "docs/configuration.md";
    private static final String ARCHITECTURE_PAGE = "docs/architecture.md";
    private static final String CHANNEL_PAGES = "docs/channels/";

    /** The header of every table of settings on the configuration page. */
    private static final Pattern SETTINGS_HEADER = Pattern.compile("\\|\\s*variable\\s*\\|\\s*key\\s*\\|\\s*default\\s*\\|\\s*meaning\\s*\\|");
    /** A row of such a table: {@code | `VARIABLE` | `key` | `default` or empty | meaning |}. */
    private static final Pattern SETTINGS_ROW =
            Pattern.compile("\\|\\s*`([^`]+)`\\s*\\|\\s*`([^`]+)`\\s*\\|\\s*(empty|`[^`]*`)\\s*\\|\\s*(\\S.*?)\\s*\\|");
    private static final Pattern INLINE_LINK = Pattern.compile("!?\\[[^\\]]*\\]\\(\\s*<?([^)\\s>]+)>?(?:\\s+\"[^\"]*\")?\\s*\\)");
    private static final Pattern REFERENCE_LINK = Pattern.compile("(?m)^\\s{0,3}\\[[^\\]]+\\]:\\s*<?(\\S+?)>?(?:\\s.*)?$");
    private static final Pattern SCHEME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*:");
    private static final Pattern HEADING = Pattern.compile("^#{1,6}\\s+(.*?)\\s*#*\\s*$");

    /**
     * The repository's root: the first folder, from the working directory up, that holds {@code .ci/run} and
     * {@code README.md} (Maven runs the test in its module's folder, which may sit one or two levels down).
     */
    static Path repositoryRoot() {
        Path start = Path.of("").toAbsolutePath().normalize();
        for (Path folder = start; folder != null; folder = folder.getParent()) {
            if (Files.isRegularFile(folder.resolve(".ci/run")) && Files.isRegularFile(folder.resolve("README.md"))) {
                return folder;
            }
        }
        throw new IllegalStateException("no folder holding .ci/run and README.md at or above " + start);
    }

    private static String read(String path) {
        try {
            return Files.readString(ROOT.resolve(path));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }

    // ---------------------------------------------------------------- settings

    @Test
    void everySettingHasARowOnTheConfigurationPageWithItsVariableAndDefault() {
        SwitchboardConfig defaults = SwitchboardConfig.of(Map.of(), Map.of());
        Map<String, SettingRow> rows = settingRows(read(CONFIGURATION_PAGE));
        for (String key : defaults.knownKeys()) {
            String value = defaults.get(key, "");
            SettingRow row = rows.get(key);
            assertThat(row).as(CONFIGURATION_PAGE + " has no row for " + key).isNotNull();
            assertThat(row.variable()).as("the variable of " + key).isEqualTo(SwitchboardConfig.environmentName(key));
            assertThat(row.defaultValue()).as("the default of " + key)
                    .isEqualTo(value.isEmpty() ? "empty" : "`" + value + "`");
        }
    }

    @Test
    void everyRowOfTheConfigurationPageNamesAKeyOfThePropertiesFile() {
        Set<String> known = SwitchboardConfig.of(Map.of(), Map.of()).knownKeys();
        Map<String, SettingRow> rows = settingRows(read(CONFIGURATION_PAGE));
        assertThat(rows).as("rows of the settings tables in " + CONFIGURATION_PAGE).isNotEmpty();
        for (SettingRow row : rows.values()) {
            assertThat(known).as(CONFIGURATION_PAGE + " line " + row.line() + " names " + row.key()
                    + ", which switchboard.properties does not have").contains(row.key());
        }
    }

    record SettingRow(int line, String variable, String key, String defaultValue) {
    }

    /**
     * The rows of every table on the page whose header is {@code | variable | key | default | meaning |}, by key;
     * a row that is not of the form {@code | `VAR` | `key` | `default` or empty | meaning |}, or a key given twice,
     * fails the test.
     */
    static Map<String, SettingRow> settingRows(String page) {
        Map<String, SettingRow> rows = new TreeMap<>();
        String[] lines = page.split("\n", -1);
        boolean inTable = false;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (!line.startsWith("|")) {
                inTable = false;
                continue;
            }
            if (SETTINGS_HEADER.matcher(line).matches()) {
                inTable = true;
                continue;
            }
            if (!inTable || line.matches("\\|[\\s:|-]+\\|")) {
                continue;
            }
            Matcher row = SETTINGS_ROW.matcher(line);
            assertThat(row.matches()).as(CONFIGURATION_PAGE + " line " + (i + 1)
                    + " is not | `VARIABLE` | `key` | `default` or empty | meaning |: " + line).isTrue();
            SettingRow found = new SettingRow(i + 1, row.group(1), row.group(2), row.group(3));
            SettingRow earlier = rows.put(found.key(), found);
            assertThat(earlier).as(found.key() + " has two rows in " + CONFIGURATION_PAGE).isNull();
        }
        return rows;
    }

    // ---------------------------------------------------------------- the README

    @Test
    void theReadmeFitsInAFewMinutes() {
        long lines = read("README.md").lines().count();
        assertThat(lines).as("lines of README.md").isLessThanOrEqualTo(README_MAX_LINES);
    }

    @Test
    void theTwoCommandsExistAndCiRunsTheTestCommand() {
        assertThat(read("README.md")).contains("`scripts/run-gateway`", "`scripts/test-all`");
        assertThat(Files.isExecutable(ROOT.resolve("scripts/run-gateway"))).as("scripts/run-gateway is executable").isTrue();
        assertThat(Files.isExecutable(ROOT.resolve("scripts/test-all"))).as("scripts/test-all is executable").isTrue();
        assertThat(read(".ci/run")).contains("scripts/test-all");
    }

    @Test
    void everyAdapterOnTheClassPathHasItsChannelPageLinkedFromTheReadme() {
        List<Path> channelPages = links("README.md").stream()
                .map(Link::target)
                .filter(target -> target.startsWith(ROOT.resolve(CHANNEL_PAGES)) && Files.isRegularFile(target))
                .distinct()
                .toList();
        List<DeviceAdapter> adapters = AdapterRegistry.discover(getClass().getClassLoader());
        assertThat(adapters).as("adapters on the class path").isNotEmpty();
        for (DeviceAdapter adapter : adapters) {
            String title = "adapter `" + adapter.id() + "`";
            assertThat(channelPages).as("a channel page linked from README.md whose title names " + title)
                    .anySatisfy(page -> assertThat(firstLine(page)).startsWith("# ").contains(title));
        }
    }

    @Test
    void everyDocsPageIsLinkedFromTheReadme() throws IOException {
        Set<Path> linked = new HashSet<>();
        links("README.md").forEach(link -> linked.add(link.target()));
        for (Path page : docsPages()) {
            assertThat(linked).as(ROOT.relativize(page) + " is linked from README.md").contains(page);
        }
    }

    // ---------------------------------------------------------------- modules

    @Test
    void everyMavenModuleFolderIsNamedOnTheArchitecturePage() throws IOException {
        String architecture = read(ARCHITECTURE_PAGE);
        List<String> modules = moduleFolders();
        assertThat(modules).as("Maven module folders").contains("renderers", "device-adapters/adapter-spi");
        for (String module : modules) {
            assertThat(architecture).as(ARCHITECTURE_PAGE + " names the module folder " + module)
                    .contains("`" + module + "`");
        }
    }

    @Test
    void everyPackageOfTheHubTheDeskTheStateAndTheAppSaysWhatLivesThere() throws IOException {
        List<Path> packages;
        try (Stream<Path> files = Files.walk(ROOT.resolve("gateway-routes"))) {
            packages = files.filter(file -> file.toString().endsWith(".java"))
                    .filter(file -> ROOT.relativize(file).toString().replace('\\', '/').contains("/src/main/java/"))
                    .map(Path::getParent).distinct().toList();
        }
        assertThat(packages).as("packages of gateway-routes").hasSizeGreaterThan(10);
        for (Path dir : packages) {
            assertThat(dir.resolve("package-info.java")).as(ROOT.relativize(dir) + " has a package-info.java").isRegularFile();
        }
    }

    /**
     * Every folder holding a {@code pom.xml} one or two levels below the root ({@code renderers},
     * {@code device-adapters/web}, {@code gateway-routes/hub}, ...), as a path from the root with {@code /}.
     */
    static List<String> moduleFolders() throws IOException {
        List<String> modules = new ArrayList<>();
        for (Path top : folders(ROOT)) {
            if (Files.isRegularFile(top.resolve("pom.xml"))) {
                modules.add(top.getFileName().toString());
            }
            for (Path inner : folders(top)) {
                if (Files.isRegularFile(inner.resolve("pom.xml"))) {
                    modules.add(top.getFileName() + "/" + inner.getFileName());
                }
            }
        }
        return modules;
    }

    private static List<Path> folders(Path parent) throws IOException {
        try (Stream<Path> children = Files.list(parent)) {
            return children.filter(Files::isDirectory)
                    .filter(dir -> {
                        String name = dir.getFileName().toString();
                        return !name.startsWith(".") && !name.equals("node_modules") && !name.equals("target")
                                && !name.equals("src");
                    })
                    .sorted()
                    .toList();
        }
    }

    // ---------------------------------------------------------------- links

    @Test
    void everyRelativeLinkInTheReadmeAndDocsLeadsToAFileThatExists() throws IOException {
        List<String> pages = new ArrayList<>();
        pages.add("README.md");
        docsPages().forEach(page -> pages.add(ROOT.relativize(page).toString().replace('\\', '/')));
        Map<Path, Set<String>> anchors = new HashMap<>();
        for (String page : pages) {
            for (Link link : links(page)) {
                assertThat(link.target()).as(page + " links to " + link.written() + ", which does not exist").exists();
                if (!link.fragment().isEmpty() && link.target().toString().endsWith(".md")) {
                    Set<String> headings = anchors.computeIfAbsent(link.target(), ReadmeChecksTest::headingAnchors);
                    assertThat(headings).as(page + " links to " + link.written() + ", a heading that page does not have")
                            .contains(link.fragment().toLowerCase(Locale.ROOT));
                }
            }
        }
    }

    private static List<Path> docsPages() throws IOException {
        Path docs = ROOT.resolve("docs");
        if (!Files.isDirectory(docs)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(docs)) {
            return files.filter(file -> file.toString().endsWith(".md")).sorted().toList();
        }
    }

    /** A relative link: the file it leads to (the page itself for {@code #heading}) and the heading, if any. */
    record Link(String written, Path target, String fragment) {
    }

    /** The relative links of a Markdown page, outside code; links with a scheme (https:, mailto:) are left out. */
    static List<Link> links(String page) {
        Path file = ROOT.resolve(page);
        String text = withoutCode(read(page));
        List<Link> links = new ArrayList<>();
        for (Pattern pattern : List.of(INLINE_LINK, REFERENCE_LINK)) {
            Matcher found = pattern.matcher(text);
            while (found.find()) {
                String written = found.group(1);
                if (SCHEME.matcher(written).find() || written.startsWith("//")) {
                    continue;
                }
                int hash = written.indexOf('#');
                String path = hash < 0 ? written : written.substring(0, hash);
                String fragment = hash < 0 ? "" : written.substring(hash + 1);
                Path target = path.isEmpty() ? file : file.getParent().resolve(path).normalize();
                links.add(new Link(written, target, fragment));
            }
        }
        return links;
    }

    /** The page without fenced code blocks and code spans, whose brackets are no links. */
    private static String withoutCode(String markdown) {
        StringBuilder kept = new StringBuilder();
        boolean fenced = false;
        for (String line : markdown.split("\n", -1)) {
            if (line.strip().startsWith("```")) {
                fenced = !fenced;
                kept.append('\n');
                continue;
            }
            kept.append(fenced ? "" : line.replaceAll("`[^`]*`", "``")).append('\n');
        }
        return kept.toString();
    }

    /** The anchors a code host gives the page's headings: lower case, punctuation dropped, spaces as hyphens. */
    static Set<String> headingAnchors(Path page) {
        String markdown;
        try {
            markdown = Files.readString(page);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Set<String> anchors = new TreeSet<>();
        Map<String, Integer> seen = new HashMap<>();
        boolean fenced = false;
        for (String line : markdown.split("\n", -1)) {
            if (line.strip().startsWith("```")) {
                fenced = !fenced;
                continue;
            }
            Matcher heading = HEADING.matcher(line);
            if (fenced || !heading.matches()) {
                continue;
            }
            String anchor = heading.group(1).toLowerCase(Locale.ROOT)
                    .replaceAll("[^\\p{L}\\p{N} _-]", "")
                    .replace(' ', '-');
            int times = seen.merge(anchor, 1, Integer::sum);
            anchors.add(times == 1 ? anchor : anchor + "-" + (times - 1));
        }
        return anchors;
    }

    private static String firstLine(Path page) {
        try (Stream<String> lines = Files.lines(page)) {
            return lines.findFirst().orElse("");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
