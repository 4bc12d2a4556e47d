// Live parts of console pages: on every event from the hub, the page fetches the fragment it was
// rendered with (data-live-fragment) and swaps it in — no reload, nothing kept on the client.
// EventSource reconnects by itself and resumes after the last event id it saw.
// The page's live stream ends with the page. A browser keeps a page it leaves for a while (to go back
// to it at once) and, with it, the page's open stream; it opens at most six connections to the hub, so
// after six quick page changes the next page would wait a minute for one. A page the browser brings
// back that way is loaded afresh, with a stream of its own.
window.addEventListener('pagehide', function () {
  if (window.omnihubEvents) {
    window.omnihubEvents.close();
    window.omnihubEvents = null;
  }
});
window.addEventListener('pageshow', function (event) {
  if (event.persisted) {
    window.location.reload();
  }
});

(function () {
  // the customer panel's orders come from the ERP after the page is shown
  const orders = document.getElementById('orders');
  if (orders && orders.dataset.src) {
    fetch(orders.dataset.src, {credentials: 'same-origin'})
      .then(function (response) { return response.ok ? response.text() : 'The order lookup failed.'; })
      .then(function (html) { orders.innerHTML = html; })
      .catch(function () { orders.textContent = 'The order lookup failed.'; });
  }
})();

(function () {
  const body = document.body;
  const target = document.getElementById('live');
  const state = document.getElementById('live-state');
  const fragment = body.dataset.liveFragment;
  if (!target || !fragment) {
    return;
  }
  const query = body.dataset.liveQuery ? '?' + body.dataset.liveQuery : '';
  // events come in bursts (one change announces several): one fetch per burst, and an event that
  // arrives while a fetch is under way is followed by one more fetch, so no change is missed
  let scheduled = false;
  let inFlight = false;
  let again = false;

  function refresh() {
    if (inFlight) {
      again = true;
      return;
    }
    if (scheduled) {
      return;
    }
    scheduled = true;
    setTimeout(fetchFragment, 50);
  }

  function keyOf(element) {
    return element.dataset.conversation || element.dataset.interaction || null;
  }

  // Rows that did not change stay the very same elements: the focused row keeps its focus, a text
  // being selected stays selected and an email's frame is not loaded again. Changed, new and
  // moved rows take their place in the fresh order; rows gone from the fragment go.
  function patch(fresh) {
    const focusedRow = target.contains(document.activeElement)
      ? document.activeElement.closest('[data-conversation],[data-interaction]') : null;
    const focusedKey = focusedRow ? keyOf(focusedRow) : null;
    const current = new Map();
    Array.from(target.children).forEach(function (element) {
      const key = keyOf(element);
      if (key) {
        current.set(key, element);
      }
    });
    const wanted = Array.from(fresh.children).map(function (element) {
      const key = keyOf(element);
      const kept = key ? current.get(key) : null;
      return kept && kept.outerHTML === element.outerHTML ? kept : element;
    });
    wanted.forEach(function (element, index) {
      if (target.children[index] !== element) {
        target.insertBefore(element, target.children[index] || null);
      }
    });
    while (target.children.length > wanted.length) {
      target.removeChild(target.lastElementChild);
    }
    if (focusedKey && !target.contains(document.activeElement)) {
      const again = Array.from(target.children).find(function (element) { return keyOf(element) === focusedKey; });
      const link = again ? again.querySelector('a') : null;
      if (link) {
        link.focus();
      }
    }
  }

  function fetchFragment() {
    scheduled = false;
    inFlight = true;
    fetch(fragment + query, {credentials: 'same-origin', headers: {'Accept': 'text/html'}})
      .then(function (response) { return response.ok ? response.text() : null; })
      .then(function (html) {
        if (html === null) {
          return;
        }
        const holder = document.createElement(target.tagName === 'TBODY' ? 'table' : 'div');
        holder.innerHTML = html;
        const fresh = holder.querySelector('#live');
        if (fresh) {
          patch(fresh);
        }
      })
      .catch(function () { /* the stream's reconnection refreshes again */ })
      .finally(function () {
        inFlight = false;
        if (again) {
          again = false;
          refresh();
        }
      });
  }

  const events = window.omnihubEvents || (window.omnihubEvents = new EventSource('/console/events'));
  // on every (re)connection, catch up with whatever happened while not connected (e.g. between this
  // page's rendering and the stream's start), then follow the events
  events.onopen = function () { state.textContent = 'live'; state.className = 'live on'; refresh(); };
  events.onerror = function () { state.textContent = 'reconnecting…'; state.className = 'live off'; };
  ['InteractionRecorded', 'ConversationOpened', 'DeliveryStatusChanged', 'InteractionUpdated', 'ConversationAssigned',
    'ConversationStatusChanged', 'ConversationPriorityChanged', 'ConversationTagged', 'ConversationsMerged', 'SlaNearBreach', 'SlaBreached',
    'TaskOpened'].forEach(function (type) {
    events.addEventListener(type, refresh);
  });
  window.omnihubLoadedAt = window.omnihubLoadedAt || Date.now();
})();

// Who else is on this conversation: this agent's presence (viewing, typing, left) goes to the hub,
// other agents' presence and a chat visitor's typing come back on the event stream.
(function () {
  const body = document.body;
  const conversation = body.dataset.conversation;
  const presence = document.getElementById('presence');
  if (!conversation || !presence) {
    return;
  }
  const csrfParameter = document.querySelector('meta[name="csrf-parameter"]').content;
  const csrfToken = document.querySelector('meta[name="csrf-token"]').content;
  const others = {};
  let visitorTypingUntil = 0;
  let lastTyping = 0;

  function tell(activity) {
    // a url-encoded body: the CSRF check reads its token from there (it does not parse multipart bodies)
    const form = new URLSearchParams();
    form.append('activity', activity);
    form.append(csrfParameter, csrfToken);
    fetch('/console/conversations/' + conversation + '/activity',
      {method: 'POST', body: form, credentials: 'same-origin', keepalive: activity === 'left'}).catch(function () {});
  }
  function render() {
    const now = Date.now();
    const lines = [];
    if (visitorTypingUntil > now) {
      lines.push('The visitor is typing…');
    }
    Object.keys(others).forEach(function (agent) {
      const seen = others[agent];
      if (seen.until <= now) {
        delete others[agent];
      } else {
        lines.push(seen.activity === 'typing' ? seen.name + ' is replying…' : seen.name + ' is also looking at this');
      }
    });
    presence.textContent = lines.join(' · ');
  }

  tell('viewing');
  setInterval(function () { tell('viewing'); }, 20000);
  setInterval(render, 1000);
  window.addEventListener('pagehide', function () { tell('left'); });
  const text = document.getElementById('reply-text');
  if (text) {
    text.addEventListener('input', function () {
      if (Date.now() - lastTyping > 2000) {
        lastTyping = Date.now();
        tell('typing');
      }
    });
  }

  const events = window.omnihubEvents || (window.omnihubEvents = new EventSource('/console/events'));
  events.addEventListener('AgentActivity', function (event) {
    const signal = JSON.parse(event.data);
    if (String(signal.conversationId) !== conversation || signal.agent === body.dataset.agent) {
      return;
    }
    if (signal.activity === 'left') {
      delete others[signal.agent];
    } else {
      others[signal.agent] = {name: signal.agentName, activity: signal.activity,
        until: Date.now() + (signal.activity === 'typing' ? 6000 : 45000)};
    }
    render();
  });
  events.addEventListener('VisitorTyping', function (event) {
    const signal = JSON.parse(event.data);
    if (signal.chatSession && signal.chatSession === body.dataset.chatSession) {
      visitorTypingUntil = signal.typing ? Date.now() + 5000 : 0;
      render();
    }
  });
})();

// Canned responses: the chosen one, filled for this conversation by the hub, goes into the reply box
// at the cursor (as text).
(function () {
  const insert = document.getElementById('canned-insert');
  const text = document.getElementById('reply-text');
  if (!insert || !text) {
    return;
  }
  insert.addEventListener('click', function () {
    const shortcut = document.getElementById('canned').value;
    fetch('/console/conversations/' + document.body.dataset.conversation + '/canned/' + encodeURIComponent(shortcut),
      {credentials: 'same-origin'})
      .then(function (response) { return response.ok ? response.text() : Promise.reject(response.status); })
      .then(function (filled) {
        const at = text.selectionStart || 0;
        text.value = text.value.slice(0, at) + filled + text.value.slice(text.selectionEnd || at);
        text.focus();
        text.selectionStart = text.selectionEnd = at + filled.length;
        text.dispatchEvent(new Event('input'));
      })
      .catch(function () { insert.textContent = 'Insert (failed, try again)'; });
  });
})();

// Inbox keys: j / k move to the next / previous conversation, Enter opens it, / goes to the search box.
(function () {
  if (!document.querySelector('table.inbox')) {
    return;
  }
  document.addEventListener('keydown', function (event) {
    if (event.target.matches('input, textarea, select') || event.ctrlKey || event.metaKey || event.altKey) {
      return;
    }
    const links = Array.from(document.querySelectorAll('#live tr[data-conversation] a'));
    const at = links.indexOf(document.activeElement);
    let next = null;
    if (event.key === 'j') {
      next = links[at + 1] || links[0];
    } else if (event.key === 'k') {
      next = at > 0 ? links[at - 1] : links[links.length - 1];
    } else if (event.key === '/') {
      next = document.getElementById('q');
    }
    if (next) {
      event.preventDefault();
      next.focus();
    }
  });
})();
