package dev.switchboard.gateway;

import dev.switchboard.gateway.config.BadSetting;
import dev.switchboard.gateway.config.SwitchboardConfig;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code java -jar switchboard.jar}: runs one gateway node until the process is told to stop. */
public final class SwitchboardMain {
    private static final Logger LOG = LoggerFactory.getLogger(SwitchboardMain.class);

    private SwitchboardMain() {
    }

    public static void main(String[] args) throws Exception {
        Gateway gateway;
        try {
            gateway = Gateway.start(SwitchboardConfig.fromEnvironment());
        } catch (BadSetting e) {
            // the operator's to mend, said in one line
            LOG.error("Switchboard could not start: {}", e.getMessage());
            System.exit(1);
            return;
        } catch (Exception | Error e) {
            // An Error too (a class missing from the jar): threads the start left behind must not keep the process up.
            LOG.error("Switchboard could not start: {}", e.toString(), e);
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LOG.info("Switchboard is stopping");
            gateway.close();
            stopped.countDown();
        }, "switchboard-shutdown"));
        stopped.await();
    }
}
