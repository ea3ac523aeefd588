package dev.switchboard.gateway.adapters;

import dev.switchboard.spi.DeviceAdapter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the device adapters on the class path through {@link ServiceLoader} and refuses a set in which
 * two adapters claim one id: the gateway would otherwise serve one channel twice or not at all.
 */
public final class AdapterRegistry {
    private static final Logger LOG = LoggerFactory.getLogger(AdapterRegistry.class);
    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9-]{0,31}");

    private AdapterRegistry() {
    }

    /** The adapters listed in {@code META-INF/services/dev.switchboard.spi.DeviceAdapter} files. */
    public static List<DeviceAdapter> discover(ClassLoader classLoader) {
        List<DeviceAdapter> found = new ArrayList<>();
        try {
            ServiceLoader.load(DeviceAdapter.class, classLoader).forEach(found::add);
        } catch (ServiceConfigurationError e) {
            throw new AdapterConflictException("a device adapter could not be loaded: " + e.getMessage(), e);
        }
        return checked(found);
    }

    /** The adapters unchanged, once every id is well-formed and unique. */
    public static List<DeviceAdapter> checked(List<DeviceAdapter> adapters) {
        Map<String, DeviceAdapter> byId = new LinkedHashMap<>();
        for (DeviceAdapter adapter : adapters) {
            String id = adapter.id();
            if (id == null || !ID.matcher(id).matches()) {
                throw new AdapterConflictException("device adapter " + adapter.getClass().getName()
                        + " has id '" + id + "'; an id is 1-32 lower-case letters, digits or hyphens");
            }
            DeviceAdapter earlier = byId.putIfAbsent(id, adapter);
            if (earlier != null) {
                throw new AdapterConflictException("two device adapters claim the id '" + id + "': "
                        + earlier.getClass().getName() + " and " + adapter.getClass().getName()
                        + ". Remove one of their jars from the class path or give one another id.");
            }
        }
        if (byId.isEmpty()) {
            LOG.warn("No device adapters found on the class path: the gateway serves no channel");
        }
        return List.copyOf(byId.values());
    }
}
