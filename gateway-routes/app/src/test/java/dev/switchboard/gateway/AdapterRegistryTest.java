package dev.switchboard.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.gateway.adapters.AdapterConflictException;
import dev.switchboard.gateway.adapters.AdapterRegistry;
import dev.switchboard.spi.AdapterContext;
import dev.switchboard.spi.DeviceAdapter;
import java.util.List;
import org.junit.jupiter.api.Test;

class AdapterRegistryTest {

    @Test
    void theWebAdapterIsFoundOnTheClassPath() {
        List<DeviceAdapter> adapters = AdapterRegistry.discover(getClass().getClassLoader());

        assertThat(adapters).extracting(DeviceAdapter::id).contains("web");
    }

    @Test
    void twoAdaptersClaimingOneIdStopTheStartWithBothNames() {
        assertThatThrownBy(() -> AdapterRegistry.checked(List.of(new Named("pager"), new OtherNamed("pager"))))
                .isInstanceOf(AdapterConflictException.class)
                .hasMessageContaining("'pager'")
                .hasMessageContaining(Named.class.getName())
                .hasMessageContaining(OtherNamed.class.getName());
    }

    @Test
    void aMalformedIdIsRefused() {
        assertThatThrownBy(() -> AdapterRegistry.checked(List.of(new Named("Pager Two"))))
                .hasMessageContaining("lower-case");
    }

    static class Named implements DeviceAdapter {
        private final String id;

        Named(String id) {
            this.id = id;
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public String description() {
            return "test adapter";
        }

        @Override
        public void start(AdapterContext context) {
        }
    }

    static final class OtherNamed extends Named {
        OtherNamed(String id) {
            super(id);
        }
    }
}
