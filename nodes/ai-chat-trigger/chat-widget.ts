// The embeddable chat widget: a script a site includes with
//   <script src="https://<weft>/webhook/<webhookId>/chat?widget=js" async></script>
// It adds a round button in the page's bottom-right corner that opens the chat (the page served
// with ?embed=1) in a frame above it. The frame is on Weft's origin, so the chat's own requests
// need no CORS, and the host page's styles cannot reach into it.
export const CHAT_WIDGET_SCRIPT = String.raw`
(function () {
  'use strict';
  var script = document.currentScript;
  if (!script || !script.src) return;
  var chatUrl = script.src.split('?')[0].split('#')[0] + '?embed=1';
  var label = script.getAttribute('data-label') || 'Open chat';
  var color = script.getAttribute('data-color') || '#e74266';

  function mount() {
    if (document.getElementById('weft-chat-toggle')) return;
    var frame = document.createElement('iframe');
    frame.id = 'weft-chat-frame';
    frame.title = 'Chat';
    frame.setAttribute('allow', 'clipboard-write');
    frame.style.cssText = 'position:fixed;right:16px;bottom:96px;width:400px;max-width:calc(100vw - 32px);' +
      'height:600px;max-height:calc(100vh - 128px);border:1px solid #e6e9f1;border-radius:8px;' +
      'box-shadow:0 8px 24px rgba(0,0,0,.2);background:#fff;z-index:2147483646;display:none;';
    var toggle = document.createElement('button');
    toggle.id = 'weft-chat-toggle';
    toggle.type = 'button';
    toggle.setAttribute('aria-label', label);
    toggle.setAttribute('aria-expanded', 'false');
    // A speech bubble drawn as SVG: no font on the host page has to carry an emoji.
    var svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
    svg.setAttribute('viewBox', '0 0 24 24');
    svg.setAttribute('width', '30');
    svg.setAttribute('height', '30');
    svg.setAttribute('aria-hidden', 'true');
    var bubble = document.createElementNS('http://www.w3.org/2000/svg', 'path');
    bubble.setAttribute('d', 'M4 4h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H9l-5 4v-4H4a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2z');
    bubble.setAttribute('fill', 'currentColor');
    svg.appendChild(bubble);
    toggle.appendChild(svg);
    toggle.style.cssText = 'position:fixed;right:16px;bottom:16px;width:64px;height:64px;border-radius:50%;border:0;' +
      'background:' + color + ';color:#fff;cursor:pointer;display:flex;align-items:center;justify-content:center;box-shadow:0 4px 12px rgba(0,0,0,.25);z-index:2147483647;';
    toggle.addEventListener('click', function () {
      var open = frame.style.display === 'none';
      // The chat loads on first open, so pages that never open it cost nothing.
      if (open && !frame.src) frame.src = chatUrl;
      frame.style.display = open ? 'block' : 'none';
      toggle.setAttribute('aria-expanded', String(open));
    });
    document.body.appendChild(frame);
    document.body.appendChild(toggle);
  }

  if (document.body) mount();
  else document.addEventListener('DOMContentLoaded', mount);
})();
`;
