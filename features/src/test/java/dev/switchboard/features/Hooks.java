package dev.switchboard.features;

import io.cucumber.java.After;
import io.cucumber.java.AfterAll;
import io.cucumber.java.Before;

/** Gives each scenario a fresh {@link World} and closes the shared gateway after the last scenario. */
public class Hooks {

    @Before
    public void freshWorld() {
        World.reset();
    }

    @After
    public void closeWorld() {
        World.current().close();
    }

    @AfterAll
    public static void closeGateway() {
        RunningGateway.close();
    }
}
