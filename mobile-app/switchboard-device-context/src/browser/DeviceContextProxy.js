/*
 * The browser implementation of SwitchboardDeviceContext.get: the W3C Geolocation API (the browser asks
 * the person), the Network Information API where there is one, navigator.language, and the version in
 * the app's config.xml, which the browser platform serves beside index.html.
 */
var appVersionPromise = null;

function appVersion() {
  if (!appVersionPromise) {
    appVersionPromise = fetch('config.xml', { cache: 'no-store' })
      .then(function (response) { return response.ok ? response.text() : ''; })
      .then(function (xml) {
        var match = /<widget[^>]*\sversion="([^"]+)"/.exec(xml);
        return match ? match[1] : 'unknown';
      })
      .catch(function () { return 'unknown'; });
  }
  return appVersionPromise;
}

function network() {
  if (typeof navigator.onLine === 'boolean' && !navigator.onLine) {
    return 'offline';
  }
  var connection = navigator.connection || navigator.mozConnection || navigator.webkitConnection;
  if (!connection) {
    return 'unknown';
  }
  if (connection.type && connection.type !== 'unknown') {
    return connection.type === 'cellular' && connection.effectiveType ? connection.effectiveType : connection.type;
  }
  return connection.effectiveType || 'unknown';
}

function position(options) {
  return new Promise(function (resolve) {
    if (!options.location) {
      resolve({ location: null, locationError: 'not-asked' });
      return;
    }
    if (!navigator.geolocation) {
      resolve({ location: null, locationError: 'unavailable' });
      return;
    }
    navigator.geolocation.getCurrentPosition(function (p) {
      resolve({
        location: {
          lat: p.coords.latitude,
          lon: p.coords.longitude,
          accuracyMeters: typeof p.coords.accuracy === 'number' ? p.coords.accuracy : null,
          // A browser does not say how it found the position.
          source: 'other'
        },
        locationError: null
      });
    }, function (error) {
      var reasons = { 1: 'denied', 2: 'unavailable', 3: 'timeout' };
      resolve({ location: null, locationError: reasons[error.code] || 'unavailable' });
    }, { enableHighAccuracy: options.highAccuracy, timeout: options.timeoutMs, maximumAge: 60000 });
  });
}

module.exports = {
  get: function (success, failure, args) {
    var options = (args && args[0]) || {};
    Promise.all([position(options), appVersion()]).then(function (results) {
      success({
        location: results[0].location,
        locationError: results[0].locationError,
        network: network(),
        locale: navigator.language || 'und',
        appVersion: results[1]
      });
    }, function (error) {
      failure(String(error));
    });
  }
};

require('cordova/exec/proxy').add('SwitchboardDeviceContext', module.exports);
