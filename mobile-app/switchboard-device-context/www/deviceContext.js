/*
 * Switchboard device context: what a help request tells the help desk about the device.
 *
 *   cordova.plugins.switchboardDeviceContext.get({location: true, timeoutMs: 10000})
 *     .then(function (context) { ... });
 *
 * context = {
 *   location: {lat, lon, accuracyMeters, source: 'gps' | 'network' | 'other'} | null,
 *   locationError: null | 'denied' | 'unavailable' | 'timeout' | 'not-asked',
 *   network: 'wifi' | 'cellular' | '4g' | '3g' | '2g' | 'ethernet' | 'offline' | 'unknown',
 *   locale: BCP 47 tag, e.g. 'pl-PL',
 *   appVersion: the app's version from config.xml, or 'unknown'
 * }
 * Location is asked for only when options.location is true: the app explains why before it asks.
 */
var exec = require('cordova/exec');

var SERVICE = 'SwitchboardDeviceContext';

function get(options, success, failure) {
  var opts = {
    location: !!(options && options.location),
    timeoutMs: (options && options.timeoutMs) || 10000,
    highAccuracy: !!(options && options.highAccuracy)
  };
  var promise = new Promise(function (resolve, reject) {
    exec(resolve, reject, SERVICE, 'get', [opts]);
  });
  if (typeof success === 'function') {
    promise.then(success, failure || function () {});
  }
  return promise;
}

module.exports = { get: get };
