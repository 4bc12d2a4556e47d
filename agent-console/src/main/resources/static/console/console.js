// Live parts of console pages: on every event from the hub, the page fetches the fragment it was
// rendered with (data-live-fragment) and swaps it in — no reload, nothing kept on the client.
// EventSource reconnects by itself and resumes after the last event id it saw.
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
  let pending = false;

  function refresh() {
    if (pending) {
      return;
    }
    pending = true;
    setTimeout(function () {
      fetch(fragment + query, {credentials: 'same-origin', headers: {'Accept': 'text/html'}})
        .then(function (response) { return response.ok ? response.text() : null; })
        .then(function (html) {
          pending = false;
          if (html === null) {
            return;
          }
          const holder = document.createElement(target.tagName === 'TBODY' ? 'table' : 'div');
          holder.innerHTML = html;
          const fresh = holder.querySelector('#live');
          if (fresh) {
            target.innerHTML = fresh.innerHTML;
          }
        })
        .catch(function () { pending = false; });
    }, 150);
  }

  const events = new EventSource('/console/events');
  // on every (re)connection, catch up with whatever happened while not connected (e.g. between this
  // page's rendering and the stream's start), then follow the events
  events.onopen = function () { state.textContent = 'live'; state.className = 'live on'; refresh(); };
  events.onerror = function () { state.textContent = 'reconnecting…'; state.className = 'live off'; };
  ['InteractionRecorded', 'ConversationOpened', 'DeliveryStatusChanged', 'InteractionUpdated', 'ConversationAssigned',
    'ConversationStatusChanged', 'ConversationPriorityChanged', 'SlaNearBreach', 'SlaBreached', 'TaskOpened'].forEach(function (type) {
    events.addEventListener(type, refresh);
  });
  window.omnihubLoadedAt = window.omnihubLoadedAt || Date.now();
})();
