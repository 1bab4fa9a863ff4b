/* global window, Office */
// The manifest's FunctionFile (commands.html): the ribbon button only opens the task pane, so it just initialises Office.
// A file, not an inline script: the server's Content-Security-Policy runs scripts from 'self' only.
if (window.Office) Office.onReady(function () {});
