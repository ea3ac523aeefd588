package dev.switchboard.adapter.smpp;

import java.util.Map;

/** SMPP 3.4 command_status values the adapter uses or reports, with their names for log lines. */
final class CommandStatus {
    static final int ESME_ROK = 0x00;
    static final int ESME_RINVMSGLEN = 0x01;
    static final int ESME_RSYSERR = 0x08;
    static final int ESME_RINVSRCADR = 0x0A;
    static final int ESME_RINVDSTADR = 0x0B;
    static final int ESME_RBINDFAIL = 0x0D;
    static final int ESME_RINVPASWD = 0x0E;
    static final int ESME_RINVSYSID = 0x0F;
    static final int ESME_RMSGQFUL = 0x14;
    static final int ESME_RTHROTTLED = 0x58;
    static final int ESME_RX_T_APPN = 0x64;
    static final int ESME_RINVDCS = 0x104;

    private static final Map<Integer, String> NAMES = Map.ofEntries(
            Map.entry(ESME_ROK, "ESME_ROK"), Map.entry(ESME_RINVMSGLEN, "ESME_RINVMSGLEN"),
            Map.entry(ESME_RSYSERR, "ESME_RSYSERR"), Map.entry(ESME_RINVSRCADR, "ESME_RINVSRCADR"),
            Map.entry(ESME_RINVDSTADR, "ESME_RINVDSTADR"), Map.entry(ESME_RBINDFAIL, "ESME_RBINDFAIL"),
            Map.entry(ESME_RINVPASWD, "ESME_RINVPASWD"), Map.entry(ESME_RINVSYSID, "ESME_RINVSYSID"),
            Map.entry(ESME_RMSGQFUL, "ESME_RMSGQFUL"), Map.entry(ESME_RTHROTTLED, "ESME_RTHROTTLED"),
            Map.entry(ESME_RX_T_APPN, "ESME_RX_T_APPN"), Map.entry(ESME_RINVDCS, "ESME_RINVDCS"));

    private CommandStatus() {
    }

    /** "ESME_RTHROTTLED (0x00000058)", or the number alone for a status without a name here. */
    static String describe(int status) {
        String hex = String.format("0x%08X", status);
        String name = NAMES.get(status);
        return name == null ? hex : name + " (" + hex + ")";
    }

    /** Whether the SMSC asks us to slow down rather than refusing the message. */
    static boolean isBackPressure(int status) {
        return status == ESME_RTHROTTLED || status == ESME_RMSGQFUL;
    }
}
