/*
 * Kansli's first screen asks for three things (app.info, forbund.get, members.list). This
 * plain script starts those requests while the app's JavaScript is still loading; src/api.ts
 * takes the answers over (each once) instead of asking again. Nothing here is needed for
 * correctness: if it fails, the app asks as usual.
 */
(function () {
  'use strict';
  var methods = ['app.info', 'forbund.get', 'members.list'];
  var early = {};
  try {
    var bridge = window.kansli;
    var token = null;
    if (!bridge) {
      token = new URL(window.location.href).searchParams.get('nyckel') || window.sessionStorage.getItem('kansli.nyckel');
      // A kansli server: nothing can be asked before the person has logged in.
      if (!token) {
        window.kansliEarly = {};
        return;
      }
    }
    methods.forEach(function (method) {
      early[method] = bridge
        ? bridge.call(method, {})
        : fetch('api/' + encodeURIComponent(method), {
            method: 'POST',
            headers: token ? { 'Content-Type': 'application/json', Authorization: 'Bearer ' + token } : { 'Content-Type': 'application/json' },
            body: '{}',
          }).then(function (response) {
            return response.json();
          });
      // A failure is left to the app's own call.
      early[method] = early[method].catch(function () {
        return null;
      });
    });
  } catch (e) {
    early = {};
  }
  window.kansliEarly = early;
})();
