// The portal's desktop page: noVNC (packed from npm at build time) connected to this page's own
// path, which the portal relays to the lease's loopback VNC server. No inline script (the page's
// CSP allows scripts from the portal only); the VNC password is typed by the user, never sent by
// the portal.
import RFB from './novnc/core/rfb.js';

const body = document.body;
const status = document.getElementById('status');
const form = document.getElementById('password');
const scheme = window.location.protocol === 'https:' ? 'wss://' : 'ws://';
const url = scheme + window.location.host + body.dataset.websocket;

function show(state, text) {
  body.dataset.state = state;
  status.textContent = text;
}

const rfb = new RFB(document.getElementById('screen'), url);
rfb.scaleViewport = true;
rfb.background = '#1e1e1e';
rfb.addEventListener('connect', () => show('connected', 'connected'));
rfb.addEventListener('disconnect', (event) =>
  show('disconnected', event.detail.clean ? 'disconnected' : 'connection lost'));
rfb.addEventListener('securityfailure', (event) =>
  show('refused', 'refused: ' + (event.detail.reason || 'wrong password')));
rfb.addEventListener('credentialsrequired', () => {
  show('password', 'password required');
  form.hidden = false;
  form.elements.password.focus();
});
form.addEventListener('submit', (event) => {
  event.preventDefault();
  form.hidden = true;
  show('connecting', 'connecting…');
  rfb.sendCredentials({ password: form.elements.password.value });
  form.elements.password.value = '';
});
