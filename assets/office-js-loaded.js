// Whether office.js (loaded async just above, in taskpane.html) has loaded or failed: startup.ts waits on it.
// A file, not an inline script: the server's Content-Security-Policy runs scripts from 'self' only.
window.hshOfficeJs = new Promise(function (resolve) {
  var s = document.getElementById('office-js');
  if (window.Office || !s) return resolve(Boolean(window.Office));
  s.addEventListener('load', function () { resolve(true); });
  s.addEventListener('error', function () { resolve(false); });
});
