// The hosted chat page's browser code (plain ES2017, no libraries). It reads its settings from the
// page's JSON block, keeps the session id in localStorage, posts messages to the page's own URL and
// shows every text through textContent, so nothing a user or a workflow writes becomes markup.
export const CHAT_PAGE_SCRIPT = String.raw`
(function () {
  'use strict';
  var config = JSON.parse(document.getElementById('chat-config').textContent);
  var endpoint = window.location.pathname;
  var storageKey = 'weft-chat/sessionId:' + endpoint;
  var body = document.querySelector('.chat-body');
  var form = document.querySelector('.chat-footer');
  var input = document.querySelector('.chat-input');
  var send = document.querySelector('.chat-send');
  var fileInput = document.querySelector('.chat-file-input');

  function newSessionId() {
    if (window.crypto && typeof window.crypto.randomUUID === 'function') return window.crypto.randomUUID();
    var bytes = new Uint8Array(16);
    window.crypto.getRandomValues(bytes);
    return Array.prototype.map.call(bytes, function (b) { return ('0' + b.toString(16)).slice(-2); }).join('');
  }

  function sessionId() {
    var id = null;
    try { id = window.localStorage.getItem(storageKey); } catch (e) { /* storage may be blocked in a frame */ }
    if (!id) {
      id = newSessionId();
      try { window.localStorage.setItem(storageKey, id); } catch (e) { /* kept for this page only */ }
    }
    return id;
  }

  function addMessage(text, from, extraClass) {
    var node = document.createElement('div');
    node.className = 'chat-message chat-message-from-' + from + (extraClass ? ' ' + extraClass : '');
    node.textContent = text;
    body.appendChild(node);
    body.scrollTop = body.scrollHeight;
    return node;
  }

  /** What the workflow answered: n8n's chat shows output, else text (first item when a list). */
  function answerText(data) {
    var answer = Array.isArray(data) ? data[0] : data;
    if (answer === null || answer === undefined) return '';
    if (typeof answer !== 'object') return String(answer);
    var text = answer.output !== undefined ? answer.output : answer.text !== undefined ? answer.text : answer.message;
    if (text === undefined) return JSON.stringify(answer);
    return typeof text === 'string' ? text : JSON.stringify(text);
  }

  function requestFor(payload) {
    var request = { method: 'POST', credentials: 'same-origin' };
    if (payload instanceof FormData) request.body = payload;
    else {
      request.headers = { 'content-type': 'application/json' };
      request.body = JSON.stringify(payload);
    }
    return request;
  }

  function post(payload) {
    return fetch(endpoint, requestFor(payload)).then(function (response) {
      return response.text().then(function (text) {
        var data = null;
        try { data = text ? JSON.parse(text) : null; } catch (e) { data = text; }
        if (!response.ok) {
          var reason = data && typeof data === 'object' && data.message ? data.message : response.statusText;
          throw new Error('Error ' + response.status + (reason ? ': ' + reason : ''));
        }
        return data;
      });
    });
  }

  /**
   * Posts a message whose answer comes as a stream: one JSON object a line (n8n's chunks). Each
   * node's item gets its own bubble, filled in as its text arrives.
   */
  function postStreaming(payload, typing) {
    return fetch(endpoint, requestFor(payload)).then(function (response) {
      if (!response.ok || !response.body) {
        return response.text().then(function (text) { throw new Error('Error ' + response.status + (text ? ': ' + text : '')); });
      }
      var reader = response.body.getReader();
      var decoder = new TextDecoder();
      var pending = '';
      var bubbles = {};
      var shown = false;
      function bubbleFor(chunk) {
        var meta = chunk.metadata || {};
        var key = (meta.nodeId || '') + ':' + (meta.itemIndex || 0) + ':' + (meta.runIndex || 0);
        if (!bubbles[key]) {
          if (!shown) { typing.remove(); shown = true; }
          bubbles[key] = addMessage('', 'bot');
        }
        return bubbles[key];
      }
      function handle(line) {
        if (!line.trim()) return;
        var chunk;
        try { chunk = JSON.parse(line); } catch (e) { return; }
        // A bubble appears with the first text (the typing dots stay until then).
        if (chunk.type === 'item') {
          var bubble = bubbleFor(chunk);
          bubble.textContent += chunk.content || '';
          body.scrollTop = body.scrollHeight;
        } else if (chunk.type === 'error') {
          if (!shown) { typing.remove(); shown = true; }
          addMessage(chunk.content || 'Error', 'bot', 'chat-message-error');
        }
      }
      function read() {
        return reader.read().then(function (step) {
          if (step.done) {
            handle(pending);
            if (!shown) typing.remove();
            return;
          }
          pending += decoder.decode(step.value, { stream: true });
          var lines = pending.split('\n');
          pending = lines.pop();
          lines.forEach(handle);
          return read();
        });
      }
      return read();
    });
  }

  /** A stored LangChain message (toJSON) or a plain { type, content } as a bubble. */
  function showPrevious(message) {
    if (!message || typeof message !== 'object') return;
    var kind = Array.isArray(message.id) ? String(message.id[message.id.length - 1]) : String(message.type || '');
    var content = message.kwargs ? message.kwargs.content : message.content;
    if (typeof content !== 'string') content = JSON.stringify(content);
    addMessage(content, /human/i.test(kind) ? 'user' : 'bot');
  }

  function start() {
    (config.initialMessages || []).forEach(function (text) { addMessage(text, 'bot'); });
    if (config.loadPreviousSession && config.loadPreviousSession !== 'notSupported') {
      post({ action: 'loadPreviousSession', sessionId: sessionId() })
        .then(function (data) { ((data && data.data) || []).forEach(showPrevious); })
        .catch(function () { /* a chat without its history still works */ });
    }
    input.focus();
  }

  function submit(event) {
    event.preventDefault();
    var text = input.value.trim();
    var files = fileInput && fileInput.files ? Array.prototype.slice.call(fileInput.files) : [];
    if (!text && files.length === 0) return;
    addMessage(text, 'user');
    if (files.length) addMessage(files.map(function (f) { return f.name; }).join(', '), 'user', 'chat-files');
    input.value = '';
    send.disabled = true;
    var typing = addMessage('…', 'bot', 'chat-typing');
    var payload;
    if (files.length) {
      payload = new FormData();
      payload.append('action', 'sendMessage');
      payload.append('sessionId', sessionId());
      payload.append('chatInput', text);
      files.forEach(function (file) { payload.append('files', file, file.name); });
      fileInput.value = '';
    } else {
      payload = { action: 'sendMessage', sessionId: sessionId(), chatInput: text };
    }
    var answered = config.streaming
      ? postStreaming(payload, typing)
      : post(payload).then(function (data) { typing.remove(); addMessage(answerText(data), 'bot'); });
    answered
      .catch(function (error) { typing.remove(); addMessage(error.message, 'bot', 'chat-message-error'); })
      .then(function () { send.disabled = false; input.focus(); });
  }

  form.addEventListener('submit', submit);
  input.addEventListener('keydown', function (event) {
    if (event.key === 'Enter' && !event.shiftKey) submit(event);
  });

  var welcome = document.querySelector('.chat-welcome');
  if (config.showWelcomeScreen) {
    document.querySelector('.chat-get-started').addEventListener('click', function () {
      welcome.hidden = true;
      body.hidden = false;
      form.hidden = false;
      start();
    });
  } else {
    start();
  }
})();
`;
