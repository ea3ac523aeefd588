package dev.switchboard.gateway;

import dev.switchboard.hub.places.ServicePoint;
import dev.switchboard.hub.places.json.ServicePointsLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the company's service points from the configured file (a relative path is taken in the data
 * directory); while that file does not exist, the demo list shipped in the jar stands in.
 */
final class ServicePointsSource {
    static final String DEMO_LIST = "service-points-demo.json";
    private static final Logger LOG = LoggerFactory.getLogger(ServicePointsSource.class);

    private ServicePointsSource() {
    }

    static List<ServicePoint> load(Path dataDir, String configured) {
        Path file = dataDir.resolve(configured);
        if (Files.exists(file)) {
            List<ServicePoint> points = ServicePointsLoader.fromPath(file);
            LOG.info("Loaded {} service points from {}", points.size(), file);
            return points;
        }
        List<ServicePoint> demo = ServicePointsLoader.fromClasspath(DEMO_LIST);
        LOG.info("No service points at {}: using the {} demo service points shipped in the jar", file, demo.size());
        return demo;
    }
}
