package dev.switchboard.cordova;

import android.Manifest;
import android.content.Context;
import android.content.pm.PackageInfo;
import android.content.pm.PackageManager;
import android.location.Location;
import android.location.LocationManager;
import android.net.ConnectivityManager;
import android.net.NetworkCapabilities;
import android.telephony.TelephonyManager;
import java.util.Locale;
import org.apache.cordova.CallbackContext;
import org.apache.cordova.CordovaPlugin;
import org.apache.cordova.PermissionHelper;
import org.json.JSONArray;
import org.json.JSONException;
import org.json.JSONObject;

/**
 * The Android implementation of SwitchboardDeviceContext.get: the freshest of the GPS and network
 * providers' last known positions (after asking for the location permission), the active network's
 * transport, the default locale and the app's version name. Same JSON as the browser implementation.
 */
public class DeviceContextPlugin extends CordovaPlugin {
    private static final String[] LOCATION = {
            Manifest.permission.ACCESS_FINE_LOCATION, Manifest.permission.ACCESS_COARSE_LOCATION};
    private static final int LOCATION_REQUEST = 7001;

    private CallbackContext pending;

    @Override
    public boolean execute(String action, JSONArray args, CallbackContext callback) throws JSONException {
        if (!"get".equals(action)) {
            return false;
        }
        JSONObject options = args.optJSONObject(0);
        boolean wantsLocation = options != null && options.optBoolean("location", false);
        if (wantsLocation && !hasLocationPermission()) {
            pending = callback;
            PermissionHelper.requestPermissions(this, LOCATION_REQUEST, LOCATION);
            return true;
        }
        callback.success(context(wantsLocation, wantsLocation ? null : "not-asked"));
        return true;
    }

    @Override
    public void onRequestPermissionResult(int requestCode, String[] permissions, int[] grantResults) throws JSONException {
        if (requestCode != LOCATION_REQUEST || pending == null) {
            return;
        }
        CallbackContext callback = pending;
        pending = null;
        boolean granted = hasLocationPermission();
        callback.success(context(granted, granted ? null : "denied"));
    }

    private boolean hasLocationPermission() {
        return PermissionHelper.hasPermission(this, LOCATION[0]) || PermissionHelper.hasPermission(this, LOCATION[1]);
    }

    private JSONObject context(boolean withLocation, String locationError) throws JSONException {
        JSONObject result = new JSONObject();
        Location location = withLocation ? freshestLocation() : null;
        if (location != null) {
            JSONObject where = new JSONObject();
            where.put("lat", location.getLatitude());
            where.put("lon", location.getLongitude());
            where.put("accuracyMeters", location.hasAccuracy() ? location.getAccuracy() : JSONObject.NULL);
            where.put("source", LocationManager.GPS_PROVIDER.equals(location.getProvider()) ? "gps" : "network");
            result.put("location", where);
            result.put("locationError", JSONObject.NULL);
        } else {
            result.put("location", JSONObject.NULL);
            result.put("locationError", locationError == null ? "unavailable" : locationError);
        }
        result.put("network", network());
        result.put("locale", Locale.getDefault().toLanguageTag());
        result.put("appVersion", appVersion());
        return result;
    }

    @SuppressWarnings("MissingPermission") // checked by the caller
    private Location freshestLocation() {
        LocationManager manager = (LocationManager) cordova.getActivity().getSystemService(Context.LOCATION_SERVICE);
        Location best = null;
        for (String provider : new String[] {LocationManager.GPS_PROVIDER, LocationManager.NETWORK_PROVIDER}) {
            try {
                Location candidate = manager.getLastKnownLocation(provider);
                if (candidate != null && (best == null || candidate.getTime() > best.getTime())) {
                    best = candidate;
                }
            } catch (SecurityException | IllegalArgumentException e) {
                // This provider is not allowed or not present: try the next.
            }
        }
        return best;
    }

    private String network() {
        Context context = cordova.getActivity();
        ConnectivityManager connectivity = (ConnectivityManager) context.getSystemService(Context.CONNECTIVITY_SERVICE);
        NetworkCapabilities capabilities = connectivity.getNetworkCapabilities(connectivity.getActiveNetwork());
        if (capabilities == null) {
            return "offline";
        }
        if (capabilities.hasTransport(NetworkCapabilities.TRANSPORT_WIFI)) {
            return "wifi";
        }
        if (capabilities.hasTransport(NetworkCapabilities.TRANSPORT_ETHERNET)) {
            return "ethernet";
        }
        if (capabilities.hasTransport(NetworkCapabilities.TRANSPORT_CELLULAR)) {
            TelephonyManager telephony = (TelephonyManager) context.getSystemService(Context.TELEPHONY_SERVICE);
            String operator = telephony == null ? "" : telephony.getNetworkOperatorName();
            return operator == null || operator.isEmpty() ? "cellular" : "cellular " + operator;
        }
        return "unknown";
    }

    private String appVersion() {
        try {
            Context context = cordova.getActivity();
            PackageInfo info = context.getPackageManager().getPackageInfo(context.getPackageName(), 0);
            return info.versionName;
        } catch (PackageManager.NameNotFoundException e) {
            return "unknown";
        }
    }
}
