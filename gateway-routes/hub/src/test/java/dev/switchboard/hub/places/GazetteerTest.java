package dev.switchboard.hub.places;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The gazetteer shipped in the jar: real GeoNames places, Poland and the UK in full. */
class GazetteerTest {
    private static final Gazetteer GAZETTEER = GazetteerLoader.shipped();

    @Test
    void polishTownsMapToTheirVoivodeship() {
        assertThat(GAZETTEER.find("Żyrardów", null)).get().extracting(Place::region).isEqualTo("Mazovia");
        assertThat(GAZETTEER.find("zyrardow", null)).get().extracting(Place::name).isEqualTo("Żyrardów");
        assertThat(GAZETTEER.find("Krakow", "PL")).get().extracting(Place::region).isEqualTo("Lesser Poland");
        assertThat(GAZETTEER.find("Gdańsk", null)).get().extracting(Place::region).isEqualTo("Pomerania");
    }

    @Test
    void localNamesFindTheirPlace() {
        assertThat(GAZETTEER.find("Warszawa", "PL")).get().extracting(Place::name).isEqualTo("Warsaw");
        assertThat(GAZETTEER.find("Cracow", null)).get().extracting(Place::name).isEqualTo("Kraków");
    }

    @Test
    void theCustomersCountryDecidesBetweenPlacesOfOneName() {
        assertThat(GAZETTEER.find("Manchester", "US")).get().extracting(Place::country).isEqualTo("US");
        assertThat(GAZETTEER.find("Manchester", "GB")).get().extracting(Place::region).isEqualTo("England");
        // Without a country, the larger place.
        assertThat(GAZETTEER.find("Manchester", null)).get().extracting(Place::country).isEqualTo("GB");
    }

    @Test
    void smallBritishPlacesAreThere() {
        assertThat(GAZETTEER.find("Portree", "GB")).get().extracting(Place::region).isEqualTo("Scotland");
        assertThat(GAZETTEER.nearest(51.4816, -3.1791)).get().extracting(n -> n.item().region()).isEqualTo("Wales");
    }

    @Test
    void nonsenseAndBlanksFindNothing() {
        assertThat(GAZETTEER.find("Xqzzyville", null)).isEmpty();
        assertThat(GAZETTEER.find("   ", null)).isEmpty();
        assertThat(GAZETTEER.find(null, null)).isEmpty();
    }
}
