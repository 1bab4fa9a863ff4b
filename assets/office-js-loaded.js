/* global window, document */
// Whether office.js (the async script right after this one in taskpane.html) has loaded or failed: startup.ts waits on it.
// A file, not an inline script: the server's Content-Security-Policy runs scripts from 'self' only. Loaded before
// office.js, it listens on the document in the capture phase (a script's load and error events do not bubble),
// so it hears office.js however soon that settles.
window.hshOfficeJs = new Promise(function (resolve) {
  function settle(event) {
    var target = event.target;
    if (target && target.id === 'office-js') resolve(event.type === 'load');
  }
  document.addEventListener('load', settle, true);
  document.addEventListener('error', settle, true);
});
