package dev.switchboard.adapter.wap;

import dev.switchboard.spi.DeviceProfile;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which markup a browser gets: WML 1.1 for WAP 1.x phones, XHTML-MP for WAP 2.0 browsers, HTML5 for the
 * rest. An explicit choice ({@code ?profile=wml}) wins; then the {@code Accept} header; then the
 * presence of a UAProf header ({@code x-wap-profile}), which only WAP 2.0 devices send; then the user agent.
 */
final class ProfileChoice {
    static final String PARAMETER = "profile";
    static final Set<DeviceProfile> OFFERED = Set.of(DeviceProfile.WML, DeviceProfile.XHTML_MP, DeviceProfile.HTML5);

    private static final String WML = "text/vnd.wap.wml";
    private static final String XHTML_MP = "application/vnd.wap.xhtml+xml";
    /** Browsers of WAP 1.x phones that read WML only. */
    private static final Pattern WML_BROWSERS = Pattern.compile(
            "(?i).*(UP\\.Browser/[1-4]\\.|Nokia7110|Nokia62[15]0|Nokia33[13]0|Ericsson[RT][0-9]|R380|MOT-[^ ]*/.*UP\\.Browser/4|WAP ?1\\.).*");
    /** Browsers of WAP 2.0 phones that read XHTML-MP. */
    private static final Pattern XHTML_MP_BROWSERS = Pattern.compile(
            "(?i).*(UP\\.Browser/[5-7]\\.|NetFront|Obigo|Teleca|Series40|Profile/MIDP-2|Opera Mini).*");

    private ProfileChoice() {
    }

    /**
     * @param explicit   the {@value #PARAMETER} parameter, or {@code null}
     * @param remembered the profile chosen explicitly earlier in the session, or {@code null}
     * @throws BadWapRequest when {@code explicit} names no profile the adapter offers
     */
    static DeviceProfile choose(String explicit, DeviceProfile remembered, String accept, String userAgent,
                                String wapProfile) {
        if (explicit != null) {
            return offered(explicit);
        }
        if (remembered != null) {
            return remembered;
        }
        String accepted = accept == null ? "" : accept.toLowerCase(Locale.ROOT);
        boolean html = accepted.contains("text/html") || accepted.contains("application/xhtml+xml");
        if (accepted.contains(XHTML_MP)) {
            return DeviceProfile.XHTML_MP;
        }
        if (accepted.contains(WML) && !html && wapProfile == null) {
            return DeviceProfile.WML;
        }
        if (wapProfile != null || accepted.contains(WML)) {
            return DeviceProfile.XHTML_MP;
        }
        String agent = userAgent == null ? "" : userAgent;
        if (XHTML_MP_BROWSERS.matcher(agent).matches()) {
            return DeviceProfile.XHTML_MP;
        }
        if (WML_BROWSERS.matcher(agent).matches()) {
            return DeviceProfile.WML;
        }
        return DeviceProfile.HTML5;
    }

    /** @throws BadWapRequest when {@code id} names no profile the adapter offers */
    static DeviceProfile offered(String id) {
        try {
            DeviceProfile profile = DeviceProfile.fromId(id);
            if (OFFERED.contains(profile)) {
                return profile;
            }
        } catch (IllegalArgumentException e) {
            // answered below
        }
        throw BadWapRequest.badInput("the profile parameter must be wml, xhtml-mp or html5");
    }
}
