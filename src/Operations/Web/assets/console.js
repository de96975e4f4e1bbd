// The operations console: find an order (history, ERP number) and resync it, release quarantined orders,
// recent alerts, the audit trail, and the platform · ledger · ERP reconciliation of one shop's day.
(function () {
  'use strict';
  const { api, yuan, count, el, todayUtc8, url, params, time, adminToken } = window.SS;
  const platforms = ['douyin', 'kuaishou', 'wechat', 'taobao'];
  document.getElementById('dashboard-link').href = url('dashboard');
  document.querySelectorAll('select.platform').forEach(s => s.replaceChildren(...platforms.map(p => el('option', { value: p }, p))));
  document.getElementById('recon-day').value = params.get('day') || todayUtc8();
  const tokenInput = document.getElementById('admin-token');
  tokenInput.value = adminToken();
  tokenInput.addEventListener('change', () => adminToken(tokenInput.value.trim()));
  const reasonInput = document.getElementById('change-reason');

  // Every change carries the reason typed above (?reason=), recorded in the audit trail; the trail reloads after it.
  async function change(path, options) {
    try {
      return await api(path, Object.assign({ method: 'POST', query: { reason: reasonInput.value.trim() } }, options));
    } finally {
      setTimeout(loadAudit, 500);
    }
  }

  function status(s) { return el('span', { class: 'status ' + s }, s); }
  function message(id, text) { document.getElementById(id).textContent = text || ''; }
  function resyncPath(platform, shop, order) { return `orders/${encodeURIComponent(platform)}/${encodeURIComponent(shop)}/${encodeURIComponent(order)}/resync`; }

  // Shop ids: from the page URL, else the shops the dashboard has seen today.
  (async function prefillShop() {
    let platform = params.get('platform');
    let shop = params.get('shop');
    if (!shop) {
      try {
        const summary = await api('stats/summary');
        const first = summary.byShop[0];
        if (first) [platform, shop] = first.key.split(':');
      } catch (e) { /* the console works without it */ }
    }
    document.querySelectorAll('input.shop').forEach(i => { if (!i.value && shop) i.value = shop; });
    if (platform) document.querySelectorAll('select.platform').forEach(s => { s.value = platform; });
  })();

  // --- find an order ---
  let shown = null;
  async function findOrder(platform, shop, order) {
    shown = { platform, shop, order };
    message('order-message', '');
    try {
      renderOrder(await api(`orders/${encodeURIComponent(platform)}/${encodeURIComponent(shop)}/${encodeURIComponent(order)}`));
    } catch (e) {
      document.getElementById('order-result').replaceChildren();
      message('order-message', e.status === 404 ? `未找到 Not found: ${platform}:${shop}:${order}` : '查询失败 Lookup failed: ' + e.message);
    }
  }

  function renderOrder(o) {
    const history = o.history || [];
    document.getElementById('order-result').replaceChildren(
      el('table', { id: 'order-summary' }, el('tbody', null,
        el('tr', null, el('th', null, '订单 Order'), el('td', { id: 'order-instance' }, o.instanceId)),
        el('tr', null, el('th', null, '同步状态 Sync status'), el('td', { id: 'order-status' }, status(o.status))),
        el('tr', null, el('th', null, '平台状态 Platform status'), el('td', null, o.platformStatus || '—')),
        el('tr', null, el('th', null, 'ERP 单号 ERP number'), el('td', { id: 'order-erp' }, o.erpOrderNumber || '—')),
        el('tr', null, el('th', null, '实付 Paid'), el('td', null, o.paidAmountFen != null ? yuan(o.paidAmountFen) : '—')),
        el('tr', null, el('th', null, '原因 Reason'), el('td', null, o.reason || '—')),
        el('tr', null, el('th', null, '推送次数 Pushes received'), el('td', null, count(o.pushesReceived))))),
      el('div', { class: 'row' }, el('button', { id: 'order-resync', type: 'button', class: 'primary', onclick: resyncShown }, '重新同步 Resync')),
      el('h2', null, '历史 ', el('small', null, `History (${history.length})`)),
      el('table', { id: 'order-history', dataset: { count: String(history.length) } },
        el('thead', null, el('tr', null, el('th', null, '时间 At'), el('th', null, '状态 Status'), el('th', null, '说明 Note'))),
        el('tbody', null, history.slice().reverse().map(h => el('tr', null, el('td', null, time(h.at)), el('td', null, status(h.status)), el('td', null, h.note))))));
  }

  async function resyncShown() {
    if (!shown) return;
    const { platform, shop, order } = shown;
    const before = Number((document.getElementById('order-history') || { dataset: {} }).dataset.count || 0);
    try {
      await change(resyncPath(platform, shop, order));
      message('order-message', '已排队重新同步 Resync queued; waiting for the new history entry…');
    } catch (e) {
      message('order-message', '重新同步失败 Resync failed: ' + e.message);
      return;
    }
    // Level-triggered: an order already in the ERP may need nothing new, so stop watching after a while.
    for (let i = 0; i < 30; i++) {
      await new Promise(r => setTimeout(r, 1000));
      if (!shown || shown.order !== order) return;
      const o = await api(`orders/${encodeURIComponent(platform)}/${encodeURIComponent(shop)}/${encodeURIComponent(order)}`).catch(() => null);
      if (o && (o.history || []).length !== before) {
        renderOrder(o);
        message('order-message', '已重新同步 Resynced: ' + o.status);
        return;
      }
    }
    message('order-message', '已排队；历史无变化 Queued; the history did not change (nothing was missing).');
  }

  document.getElementById('order-form').addEventListener('submit', e => {
    e.preventDefault();
    findOrder(document.getElementById('order-platform').value, document.getElementById('order-shop').value.trim(), document.getElementById('order-id').value.trim());
  });

  // --- quarantine ---
  async function loadQuarantine() {
    try {
      const q = await api('quarantine');
      const list = document.getElementById('quarantine-list');
      list.dataset.total = String(q.total);
      if (q.total === 0) {
        list.replaceChildren(el('p', { class: 'muted' }, '没有等待处理的订单 Nothing is waiting.'));
        return;
      }
      list.replaceChildren(
        el('p', { class: 'muted' }, `共 ${q.total} 单等待处理 ${q.total} orders waiting · 修正映射后释放 fix the mapping, then release`),
        ...q.byReason.map((g, i) => el('div', { class: 'group reason-group', dataset: { reason: g.reason } },
          el('div', { class: 'head' },
            el('div', null, el('strong', null, g.reason), ' ', el('span', { class: 'muted' }, `× ${g.count}`)),
            el('button', { type: 'button', class: 'primary release-reason', id: 'release-reason-' + i, onclick: () => release({ reason: g.reason }) }, '释放 Release')),
          el('table', null, el('tbody', null, g.orders.map(o => el('tr', null,
            el('td', null, el('a', { href: '#', onclick: ev => { ev.preventDefault(); findOrder(o.platform, o.shopId, o.orderId); } }, o.orderId)),
            el('td', null, status(o.status)),
            el('td', null, (o.unmappedSkus || []).join(', ')),
            el('td', null, el('button', { type: 'button', class: 'release-one', onclick: () => release({ instanceIds: [o.instanceId] }) }, '释放 Release')))))))),
        ...q.bySku.map(g => el('div', { class: 'group sku-group' },
          el('div', { class: 'head' },
            el('div', null, '未映射 SKU Unmapped SKU ', el('strong', null, g.sku), ' ', el('span', { class: 'muted' }, `× ${g.count}`)),
            el('div', null,
              el('button', { type: 'button', class: 'map-sku', onclick: () => mapSku(g) }, '去映射 Map this SKU'), ' ',
              el('button', { type: 'button', class: 'release-sku', onclick: () => release({ sku: g.sku }) }, '按 SKU 释放 Release by SKU'))))));
    } catch (e) {
      message('quarantine-message', '加载失败 Could not load: ' + e.message);
    }
  }

  // The SKU map of the shop the waiting orders come from (instance ids are platform:shop:order), at that SKU.
  function mapSku(group) {
    const [platform, shop] = String(group.orders[0] || '').split(':');
    if (platform && shop) window.SSMapping.openSku(platform, shop, group.sku);
  }

  async function release(body) {
    try {
      const r = await change('quarantine/release', { json: body });
      message('quarantine-message', `已释放 ${r.released} 单 Released ${r.released} orders`);
    } catch (e) {
      message('quarantine-message', '释放失败 Release failed: ' + e.message);
    }
    setTimeout(loadQuarantine, 1500);
  }

  document.getElementById('quarantine-reload').addEventListener('click', loadQuarantine);

  // --- intake poison queue ---
  async function loadPoison() {
    try {
      const p = await api('intake/poison');
      message('poison-message', p.approximateMessages === 0 ? '毒信队列为空 Nothing is waiting.' : `${p.approximateMessages} 条消息等待重新投递 messages wait for a redrive`);
    } catch (e) {
      message('poison-message', '加载失败 Could not load: ' + e.message);
    }
  }

  async function redrivePoison() {
    try {
      const r = await change('intake/poison/redrive');
      message('poison-message', `已重新投递 ${r.redriven} 条 Redriven ${r.redriven} messages; ${r.left} left`);
    } catch (e) {
      message('poison-message', '重新投递失败 Redrive failed: ' + e.message);
    }
  }

  document.getElementById('poison-reload').addEventListener('click', loadPoison);
  document.getElementById('poison-redrive').addEventListener('click', redrivePoison);

  // --- alerts ---
  async function loadAlerts() {
    try {
      const a = await api('alerts/recent', { query: { limit: 30 } });
      document.querySelector('#alerts-table tbody').replaceChildren(...(a.alerts.length ? a.alerts.map(x => el('tr', null,
        el('td', null, time(x.at)), el('td', null, x.title), el('td', null, x.target), el('td', null, x.instanceId), el('td', null, x.reason)))
        : [el('tr', null, el('td', { colspan: 5, class: 'muted' }, '暂无告警 No alerts'))]));
    } catch (e) {
      document.querySelector('#alerts-table tbody').replaceChildren(el('tr', null, el('td', { colspan: 5 }, '加载失败 Could not load: ' + e.message)));
    }
  }

  document.getElementById('alerts-reload').addEventListener('click', loadAlerts);

  // --- audit trail ---
  async function loadAudit() {
    const tbody = document.querySelector('#audit-table tbody');
    try {
      const a = await api('audit', { query: { limit: 50 } });
      message('audit-message', '');
      tbody.replaceChildren(...(a.entries.length ? a.entries.map(x => el('tr', null,
        el('td', null, time(x.at)), el('td', null, x.actor), el('td', null, `${x.action} ${x.route}`),
        el('td', null, x.change), el('td', null, x.reason), el('td', null, String(x.status))))
        : [el('tr', null, el('td', { colspan: 6, class: 'muted' }, '暂无变更 No changes yet'))]));
    } catch (e) {
      tbody.replaceChildren();
      message('audit-message', e.status === 403 ? '审计记录需要操作员权限 The audit trail needs the operator role' : '加载失败 Could not load: ' + e.message);
    }
  }

  document.getElementById('audit-reload').addEventListener('click', loadAudit);

  // --- reconciliation ---
  async function reconcile(platform, shop, day) {
    message('recon-message', '对账中 Reconciling…');
    try {
      const r = await api(`reconciliation/${encodeURIComponent(platform)}/${encodeURIComponent(shop)}/${day}`);
      message('recon-message', '');
      renderRecon(r);
    } catch (e) {
      message('recon-message', '对账失败 Reconciliation failed: ' + e.message);
    }
  }

  function totals(label, side, available, reason) {
    if (!available) return el('tr', null, el('th', null, label), el('td', { colspan: 3, class: 'muted' }, '不可用 Unavailable: ' + (reason || '')));
    return el('tr', null, el('th', null, label), el('td', { class: 'num' }, count(side.orders)), el('td', { class: 'num' }, count(side.salesOrders)), el('td', { class: 'num' }, yuan(side.salesFen)));
  }

  function issues(title, id, list, r) {
    return el('div', { class: 'group', id },
      el('div', { class: 'head' }, el('strong', null, title), el('span', { class: 'muted' }, `× ${list.length}`)),
      list.length === 0 ? el('p', { class: 'muted' }, '无 None') :
        el('table', null, el('thead', null, el('tr', null, el('th', null, '订单 Order'), el('th', null, '类型 Kind'), el('th', null, '说明 Detail'), el('th', null, ''))),
          el('tbody', null, list.map(x => el('tr', { dataset: { order: x.orderId } },
            el('td', null, x.orderId), el('td', null, x.kind), el('td', null, x.detail),
            el('td', null, el('button', { type: 'button', class: 'recon-resync', onclick: async ev => {
              ev.target.disabled = true;
              try { await change(resyncPath(r.platform, r.shopId, x.orderId)); ev.target.textContent = '已排队 Queued'; }
              catch (e) { ev.target.textContent = '失败 Failed'; ev.target.disabled = false; }
            } }, '重新同步 Resync')))))));
  }

  function renderRecon(r) {
    const ledger = r.ledgerSide.totals;
    const parts = [
      el('table', { id: 'recon-totals' },
        el('thead', null, el('tr', null, el('th', null, ''), el('th', { class: 'num' }, '订单 Orders'), el('th', { class: 'num' }, '有效 Sales orders'), el('th', { class: 'num' }, '金额 Sales'))),
        el('tbody', null,
          totals('平台 Platform', r.platformSide.totals, r.platformSide.available, r.platformSide.reason),
          totals('台账 Ledger', ledger, true),
          el('tr', null, el('th', null, 'ERP ' + r.erpSide.kind), el('td', { class: 'num', id: 'recon-erp-found' }, `${count(r.erpSide.found)} / ${count(r.erpSide.checked)} 已查 checked`),
            r.erpSide.available ? el('td', null, '') : el('td', { colspan: 2, class: 'muted' }, '不可用 Unavailable: ' + r.erpSide.reason),
            r.erpSide.available ? el('td', { class: 'num', id: 'recon-erp-amount' }, yuan(r.erpSide.amountFen)) : null))),
      (r.platformSide.truncated || r.ledgerSide.truncated || r.erpSide.truncated) ? el('p', { class: 'message' }, '结果已截断 Results truncated at the configured bounds') : null,
      issues('缺失 Missing', 'recon-missing', r.missing, r),
      issues('重复 Duplicates', 'recon-duplicates', r.duplicates, r),
      issues('不一致 Mismatched', 'recon-mismatched', r.mismatched, r)];
    document.getElementById('recon-result').replaceChildren(...parts.filter(p => p));
  }

  document.getElementById('recon-form').addEventListener('submit', e => {
    e.preventDefault();
    reconcile(document.getElementById('recon-platform').value, document.getElementById('recon-shop').value.trim(), document.getElementById('recon-day').value);
  });

  loadQuarantine();
  loadPoison();
  loadAlerts();
  loadAudit();
  if (params.get('order') && params.get('shop')) findOrder(params.get('platform') || 'douyin', params.get('shop'), params.get('order'));
})();
