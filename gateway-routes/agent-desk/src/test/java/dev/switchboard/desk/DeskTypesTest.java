package dev.switchboard.desk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The desk's list of what travels between nodes is whole, and all of it can travel in the one form the state uses. */
class DeskTypesTest {

    @Test
    void everyChangeAndFilterOfTheDeskIsListed() {
        List<Class<?>> desk = deskClasses();

        assertThat(desk.stream().filter(c -> !c.isInterface() && SharedRecords.Change.class.isAssignableFrom(c)))
                .containsExactlyInAnyOrderElementsOf(DeskTypes.CHANGES);
        assertThat(desk.stream().filter(c -> !c.isInterface() && SharedRecords.Filter.class.isAssignableFrom(c)))
                .containsExactlyInAnyOrderElementsOf(DeskTypes.FILTERS);
    }

    @Test
    void whatTravelsIsRecordsAndNothingOfTheDeskIsJavaSerializable() {
        assertThat(Stream.of(DeskTypes.RECORDS, DeskTypes.CHANGES, DeskTypes.FILTERS).flatMap(List::stream))
                .allMatch(Class::isRecord);
        assertThat(deskClasses().stream()
                .filter(c -> Serializable.class.isAssignableFrom(c) && !Throwable.class.isAssignableFrom(c)
                        && !c.isEnum()))
                .isEmpty();
    }

    /** Every class of the desk's package, from the module's compiled classes. */
    private static List<Class<?>> deskClasses() {
        try {
            Path root = Path.of(DeskTypes.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path desk = root.resolve(DeskTypes.class.getPackageName().replace('.', '/'));
            try (Stream<Path> files = Files.list(desk)) {
                return files.map(file -> file.getFileName().toString())
                        .filter(name -> name.endsWith(".class") && !name.equals("package-info.class"))
                        .<Class<?>>map(name -> load(DeskTypes.class.getPackageName() + "." + name.replace(".class", "")))
                        .toList();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, DeskTypes.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
