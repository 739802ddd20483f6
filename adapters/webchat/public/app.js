// The web chat page: picks the user (demo) or takes the portal's token (#token=…), starts or
// resumes the conversation with the official Web Chat widget, and keeps the conversation id and
// token in sessionStorage so a reload shows the same conversation with its history.
(function () {
  'use strict';

  var config = JSON.parse(document.getElementById('webchat-config').textContent);
  var CONVERSATION_KEY = 'serviceportal.webchat.conversation';
  var USER_KEY = 'serviceportal.webchat.user';
  var statusEl = document.getElementById('chat-status');
  var userEl = document.getElementById('chat-user');
  var newButton = document.getElementById('new-conversation');
  var container = document.getElementById('webchat');
  // Set by "Ny samtale": the stored conversation is gone and must not be written back on pagehide.
  var forgetting = false;

  // Web Chat's connection states (botframework-directlinejs ConnectionStatus).
  var ONLINE = 2;
  var EXPIRED_TOKEN = 3;
  var FAILED_TO_CONNECT = 4;
  var ENDED = 5;

  var styleOptions = {
    accent: '#14143c',
    primaryFont: 'system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif',
    bubbleBackground: '#f2f3f7',
    bubbleBorderColor: '#d5d7e0',
    bubbleBorderRadius: 6,
    bubbleFromUserBackground: '#14143c',
    bubbleFromUserTextColor: '#ffffff',
    bubbleFromUserBorderColor: '#14143c',
    bubbleFromUserBorderRadius: 6,
    subtle: '#595959',
    suggestedActionBorderRadius: 4,
    suggestedActionLayout: 'flow',
    // Files for a case (issue 16): sent as soon as they are chosen; the server judges each by its
    // content, `uploadAccept` only narrows the file picker.
    hideUploadButton: false,
    uploadAccept: '.pdf,.png,.jpg,.jpeg,.docx,.xlsx,.pptx,.doc,.xls,.txt,.csv',
    uploadMultiple: true,
    sendAttachmentOn: 'attach',
    sendBoxBackground: '#ffffff',
    rootHeight: '100%',
    rootWidth: '100%',
    botAvatarInitials: 'SA',
    userAvatarInitials: 'Du'
  };

  // Web Chat writes a message's time with a 12-hour pattern whatever the locale ("Sendt kl. 2.
  // december kl. 9.21 PM" for screen readers): its text is rewritten to the 24-hour clock the page's
  // language uses, as Web Chat renders it.
  var TWELVE_HOUR = /(\d{1,2})([.:])(\d{2})\s?(AM|PM)/g;
  function twentyFourHour(text) {
    var fixed = text.replace(TWELVE_HOUR, function (all, hour, separator, minute, half) {
      var h = Number(hour) % 12 + (half === 'PM' ? 12 : 0);
      return (h < 10 ? '0' : '') + h + separator + minute;
    });
    // "Sendt kl. 2. december kl. 21.21": one "kl." is enough.
    return fixed.replace(/\bkl\. (\d{1,2}\. [^\s\d]+ kl\.)/g, '$1');
  }
  function watchTimes(root) {
    var fix = function (node) {
      if (node.nodeType === 3) {
        var text = node.nodeValue;
        if (text && /AM|PM|kl\. \d{1,2}\. /.test(text)) {
          var fixed = twentyFourHour(text);
          if (fixed !== text) node.nodeValue = fixed;
        }
        return;
      }
      var walker = document.createTreeWalker(node, NodeFilter.SHOW_TEXT);
      for (var current = walker.nextNode(); current; current = walker.nextNode()) fix(current);
    };
    new MutationObserver(function (records) {
      records.forEach(function (record) {
        if (record.type === 'characterData') fix(record.target);
        else record.addedNodes.forEach(fix);
      });
    }).observe(root, { childList: true, characterData: true, subtree: true });
  }

  function status(text) {
    statusEl.textContent = text;
  }

  function readJson(key) {
    try {
      return JSON.parse(sessionStorage.getItem(key) || 'null');
    } catch (e) {
      return null;
    }
  }

  function writeJson(key, value) {
    try {
      sessionStorage.setItem(key, JSON.stringify(value));
    } catch (e) {
      // Private mode or full storage: the conversation just won't survive a reload.
    }
  }

  /** The token's claims (not verified here — the server does that). */
  function claimsOf(token) {
    try {
      var part = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
      while (part.length % 4) part += '=';
      var bytes = Uint8Array.from(atob(part), function (c) { return c.charCodeAt(0); });
      return JSON.parse(new TextDecoder().decode(bytes));
    } catch (e) {
      return null;
    }
  }

  function validFor(token, seconds) {
    var claims = token && claimsOf(token);
    return !!claims && claims.exp * 1000 > Date.now() + seconds * 1000;
  }

  /** The portal passes its token in the fragment (never sent to a server); it is removed at once. */
  function takeFragmentToken() {
    var params = new URLSearchParams(location.hash.slice(1));
    var token = params.get('token');
    if (token) history.replaceState(null, '', location.pathname + location.search);
    return token;
  }

  function demoToken(userId) {
    return fetch('/api/demo/token?user=' + encodeURIComponent(userId), { headers: { Accept: 'application/json' } })
      .then(function (response) {
        if (!response.ok) throw new Error('demo token: HTTP ' + response.status);
        return response.json();
      })
      .then(function (body) { return body.token; });
  }

  function start(user, getUserToken) {
    var saved = readJson(CONVERSATION_KEY);
    var resume = saved && saved.userId === user.id && saved.conversationId ? saved : null;
    var tokenPromise = resume && validFor(resume.token, 60) ? Promise.resolve(resume.token) : getUserToken();

    userEl.textContent = 'Du skriver som ' + user.name + (user.name !== user.id ? ' (' + user.id + ')' : '');
    newButton.hidden = false;
    status(resume ? 'Genoptager samtalen …' : 'Starter samtalen …');

    return tokenPromise.then(function (token) {
      if (!token) {
        status('Din session er udløbet. Åbn assistenten fra Serviceportalen igen.');
        return;
      }
      // WebSocket by default; `?transport=polling` makes Web Chat poll (proxies that drop WebSockets).
      var polling = new URLSearchParams(location.search).get('transport') === 'polling';
      var options = { token: token, domain: location.origin + config.directLine, webSocket: !polling };
      // Resuming: Web Chat asks for the conversation again and receives its history from the start.
      if (resume) options.conversationId = resume.conversationId;
      var directLine = window.WebChat.createDirectLine(options);

      var remember = function () {
        if (!forgetting && directLine.conversationId && directLine.token) {
          writeJson(CONVERSATION_KEY, { userId: user.id, conversationId: directLine.conversationId, token: directLine.token });
        }
      };
      var toldResume = false;
      directLine.connectionStatus$.subscribe(function (state) {
        if (state === ONLINE) {
          remember();
          status('');
          // Back to a stored conversation: the assistant says what changed since ("Siden sidst").
          if (resume && !toldResume) {
            toldResume = true;
            directLine.postActivity({ type: 'event', name: 'serviceportal/resume', from: { id: user.id, name: user.name } }).subscribe({ error: function () {} });
          }
        } else if (state === EXPIRED_TOKEN) {
          status('Din session er udløbet. Genindlæs siden for at fortsætte.');
        } else if (state === FAILED_TO_CONNECT && resume) {
          // The stored conversation is gone (or no longer ours): start a new one.
          sessionStorage.removeItem(CONVERSATION_KEY);
          location.reload();
        } else if (state === FAILED_TO_CONNECT) {
          status('Assistenten kan ikke nås lige nu. Prøv igen om lidt.');
        } else if (state === ENDED) {
          status('Samtalen er afsluttet.');
        }
      });
      // Web Chat refreshes its token every 15 minutes; keep the newest for the next reload.
      setInterval(remember, 30000);
      if (config.demoCodes) watchDemoCode(directLine);
      window.addEventListener('pagehide', remember);

      watchTimes(container);
      window.WebChat.renderWebChat(
        {
          directLine: directLine,
          userID: user.id,
          username: user.name,
          locale: config.locale,
          styleOptions: styleOptions
        },
        container
      );
    }).catch(function () {
      status('Assistenten kan ikke nås lige nu. Prøv igen om lidt.');
    });
  }

  /** Demo mode without a mail server: the one-time code sent in this chat, shown in the demo panel. */
  function watchDemoCode(directLine) {
    var panel = document.getElementById('demo-codes');
    var output = document.getElementById('demo-code');
    if (!panel || !output) return;
    var check = function () {
      if (!directLine.token) return;
      fetch('/api/demo/code', { headers: { Accept: 'application/json', Authorization: 'Bearer ' + directLine.token } })
        .then(function (response) { return response.status === 200 ? response.json() : null; })
        .then(function (body) {
          if (!body || !body.code) return;
          panel.hidden = false;
          if (output.textContent !== body.code) output.textContent = body.code;
        })
        .catch(function () { /* the next check tries again */ });
    };
    check();
    setInterval(check, 3000);
  }

  newButton.addEventListener('click', function () {
    forgetting = true;
    sessionStorage.removeItem(CONVERSATION_KEY);
    location.reload();
  });

  // The portal's token wins in demo mode too, so the production identity path can be tried locally.
  var portalToken = takeFragmentToken();

  if (config.demo) {
    var form = document.getElementById('demo-form');
    var select = document.getElementById('demo-user');
    var chosen = portalToken ? null : sessionStorage.getItem(USER_KEY);
    if (portalToken) sessionStorage.removeItem(USER_KEY);
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      if (select.value !== chosen) {
        sessionStorage.setItem(USER_KEY, select.value);
        sessionStorage.removeItem(CONVERSATION_KEY);
      }
      location.reload();
    });
    if (chosen === config.anonymous) {
      select.value = config.anonymous;
      start({ id: config.anonymous, name: 'Ny bruger' }, function () { return demoToken(config.anonymous); });
      return;
    }
    var user = config.users.filter(function (u) { return u.email === chosen; })[0];
    if (user) {
      select.value = user.email;
      start({ id: user.email, name: user.name }, function () { return demoToken(user.email); });
      return;
    }
    // No demo user picked: a conversation started from a #token= link goes on, else the picker waits.
    if (!portalToken && !readJson(CONVERSATION_KEY)) return;
  }

  var saved = readJson(CONVERSATION_KEY);
  var claims = portalToken ? claimsOf(portalToken) : saved && claimsOf(saved.token);
  if (!claims || !claims.sub) {
    status('Åbn assistenten fra Serviceportalen for at blive logget ind.');
    return;
  }
  if (saved && saved.userId !== claims.sub) sessionStorage.removeItem(CONVERSATION_KEY);
  start({ id: claims.sub, name: claims.name || claims.sub }, function () { return Promise.resolve(portalToken); });
})();
