package dev.switchboard.state;

import dev.switchboard.desk.AgentContact;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Instances of any registered record, made from its components: one with every component set (each text 100,000
 * characters of Latin, Polish, Cyrillic, Chinese and emoji, sets and lists with several elements, instants to the
 * nanosecond), and one for each component left out (null, or an empty set or list) where the record takes it so.
 */
final class RecordSamples {
    static final Instant AT = Instant.parse("2026-12-08T10:15:30.123456789Z");
    static final String LONG_TEXT = longText();

    /** Records whose constructor checks what it is given, made by hand. */
    private static final Map<Class<?>, Object> GIVEN =
            Map.of(AgentContact.class, new AgentContact("+447700900123", "zoe@example.com"));

    private RecordSamples() {
    }

    private static String longText() {
        StringBuilder text = new StringBuilder(100_000);
        while (text.length() < 100_000 - 40) {
            text.append("Zażółć gęślą jaźń, Привет, 你好 🙂👍🏽 ");
        }
        while (text.length() < 100_000) {
            text.append('!');
        }
        return text.toString();
    }

    /** {@code type} with every component set. */
    static Object full(Class<?> type) {
        Object given = GIVEN.get(type);
        if (given != null) {
            return given;
        }
        RecordComponent[] components = type.getRecordComponents();
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            values[i] = value(components[i].getName(), components[i].getType(), components[i].getGenericType());
        }
        return make(type, values);
    }

    /** {@code type} with each component left out in turn, where its constructor takes that; and with all left out. */
    static List<Object> sparse(Class<?> type) {
        RecordComponent[] components = type.getRecordComponents();
        Object[] full = new Object[components.length];
        Object[] bare = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            full[i] = value(components[i].getName(), components[i].getType(), components[i].getGenericType());
            bare[i] = absent(components[i].getType(), full[i]);
        }
        List<Object> made = new ArrayList<>();
        for (int i = 0; i < components.length; i++) {
            if (!components[i].getType().isPrimitive()) {
                Object[] values = full.clone();
                values[i] = bare[i];
                tryMake(type, values, made);
            }
        }
        tryMake(type, bare, made);
        return made;
    }

    private static Object absent(Class<?> type, Object full) {
        if (type.isPrimitive()) {
            return full;
        }
        if (type == Set.class) {
            return Set.of();
        }
        if (type == List.class || type == ArrayList.class) {
            return new ArrayList<>();
        }
        return null;
    }

    private static Object value(String name, Class<?> type, Type generic) {
        if (type == String.class) {
            return name + ": " + LONG_TEXT;
        }
        if (type == int.class || type == Integer.class) {
            return 2_000_000_007;
        }
        if (type == long.class || type == Long.class) {
            return 9_000_000_000_007L;
        }
        if (type == double.class || type == Double.class) {
            return -52.229_7;
        }
        if (type == boolean.class || type == Boolean.class) {
            return true;
        }
        if (type == byte[].class) {
            byte[] bytes = new byte[32];
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] = (byte) (i * 37 - 128);
            }
            return bytes;
        }
        if (type == Instant.class) {
            return AT;
        }
        if (type.isEnum()) {
            Object[] constants = type.getEnumConstants();
            return constants[constants.length - 1];
        }
        if (type == Set.class) {
            return Set.of(elements(name, generic).toArray());
        }
        if (type == List.class || type == ArrayList.class) {
            return new ArrayList<>(elements(name, generic));
        }
        if (type.isRecord()) {
            return full(type);
        }
        if (type.isInterface()) {
            return full(CompactTypes.CLASSES.stream().filter(type::isAssignableFrom).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("nothing listed implements " + type)));
        }
        throw new IllegalArgumentException("no sample of a " + type + " (" + name + ")");
    }

    private static List<Object> elements(String name, Type generic) {
        Type element = ((ParameterizedType) generic).getActualTypeArguments()[0];
        if (element == String.class) {
            return List.of("ann", "zoë", "Błażej", "贝蒂", "🙂 " + name, name + ": " + LONG_TEXT);
        }
        Class<?> type = (Class<?>) element;
        return List.of(value(name + "[0]", type, type), value(name + "[1]", type, type));
    }

    private static void tryMake(Class<?> type, Object[] values, List<Object> made) {
        try {
            made.add(make(type, values));
        } catch (RuntimeException refused) {
            // The record does not take this component left out: there is nothing to carry.
        }
    }

    private static Object make(Class<?> type, Object[] values) {
        Class<?>[] types = Arrays.stream(type.getRecordComponents()).map(RecordComponent::getType)
                .toArray(Class<?>[]::new);
        try {
            Constructor<?> constructor = type.getDeclaredConstructor(types);
            constructor.setAccessible(true);
            return constructor.newInstance(values);
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof RuntimeException refused ? refused : new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
