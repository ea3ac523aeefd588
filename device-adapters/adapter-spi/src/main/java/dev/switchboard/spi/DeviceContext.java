package dev.switchboard.spi;

import java.util.Locale;

/**
 * What the device tells about the customer's situation, used by the hub to enrich its answers. Every
 * part is optional ({@code null} when the device did not say).
 *
 * @param location  where the customer is
 * @param locale    the customer's language and region
 * @param userAgent the device's user agent string
 * @param pageUrl   the web page the customer was on
 * @param tv        the TV service and programme being watched
 * @param network   the network the device is on ({@code wifi}, {@code 4g}, an operator name, ...)
 * @param placeName a town or postcode the customer keyed in when the device could not tell where he is;
 *                  the hub looks it up in its gazetteer
 */
public record DeviceContext(
        GeoLocation location, Locale locale, String userAgent, String pageUrl, TvContext tv, String network,
        String placeName) {

    /** A context that says nothing. */
    public static final DeviceContext EMPTY = new DeviceContext(null, null, null, null, null, null, null);

    /** A context without a keyed-in place name. */
    public DeviceContext(GeoLocation location, Locale locale, String userAgent, String pageUrl, TvContext tv,
                         String network) {
        this(location, locale, userAgent, pageUrl, tv, network, null);
    }

    public DeviceContext withLocation(GeoLocation newLocation) {
        return new DeviceContext(newLocation, locale, userAgent, pageUrl, tv, network, placeName);
    }

    public DeviceContext withLocale(Locale newLocale) {
        return new DeviceContext(location, newLocale, userAgent, pageUrl, tv, network, placeName);
    }

    public DeviceContext withUserAgent(String newUserAgent) {
        return new DeviceContext(location, locale, newUserAgent, pageUrl, tv, network, placeName);
    }

    public DeviceContext withPageUrl(String newPageUrl) {
        return new DeviceContext(location, locale, userAgent, newPageUrl, tv, network, placeName);
    }

    public DeviceContext withTv(TvContext newTv) {
        return new DeviceContext(location, locale, userAgent, pageUrl, newTv, network, placeName);
    }

    public DeviceContext withNetwork(String newNetwork) {
        return new DeviceContext(location, locale, userAgent, pageUrl, tv, newNetwork, placeName);
    }

    public DeviceContext withPlaceName(String newPlaceName) {
        return new DeviceContext(location, locale, userAgent, pageUrl, tv, network, newPlaceName);
    }
}
