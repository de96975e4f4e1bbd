// The live dashboard: polls /api/stats/summary and redraws the ECharts charts and tables.
(function () {
  'use strict';
  const { api, yuan, count, el, todayUtc8, time, url, params } = window.SS;
  const dayInput = document.getElementById('day');
  const refresh = document.getElementById('refresh');
  dayInput.value = params.get('day') || todayUtc8();
  document.getElementById('console-link').href = url('console');
  const theme = { textStyle: { color: '#e6ebf5' } };
  // Tooltips are HTML: every name in them comes from a platform or a person, so each is escaped. Labels, axes and
  // legends are drawn on the canvas as text.
  const esc = echarts.format.encodeHTML;
  const charts = {};
  ['anchor', 'product', 'channel', 'funnel'].forEach(name => {
    charts[name] = echarts.init(document.getElementById('chart-' + name), null, { renderer: 'canvas' });
  });
  window.addEventListener('resize', () => Object.values(charts).forEach(c => c.resize()));
  window.dashboardCharts = charts;

  const axis = { axisLabel: { color: '#93a0ba' }, axisLine: { lineStyle: { color: '#26314a' } }, splitLine: { lineStyle: { color: '#26314a' } } };
  const axisTooltip = show => ({ trigger: 'axis', formatter: ps => ps.map(p => `${esc(p.name)}<br>${esc(show(p.value))}`).join('<br>') });

  function bar(chart, names, values, color, valueName, formatter) {
    chart.setOption(Object.assign({}, theme, {
      animationDuration: 300,
      grid: { left: 12, right: 96, top: 16, bottom: 8, containLabel: true },
      tooltip: axisTooltip(v => formatter === 'yuan' ? yuan(Math.round(v * 100)) : count(v)),
      xAxis: Object.assign({ type: 'value', name: valueName, nameTextStyle: { color: '#93a0ba' } }, axis),
      yAxis: Object.assign({ type: 'category', data: names, inverse: true }, axis),
      series: [{ type: 'bar', data: values, itemStyle: { color: color, borderRadius: [0, 4, 4, 0] },
        label: { show: true, position: 'right', color: '#e6ebf5', formatter: p => formatter === 'yuan' ? yuan(Math.round(p.value * 100)) : count(p.value) } }],
    }), true);
  }

  function render(s) {
    const t = s.totals;
    const sales = document.getElementById('kpi-sales');
    sales.textContent = yuan(t.salesFen);
    sales.dataset.fen = String(t.salesFen);
    const orders = document.getElementById('kpi-orders');
    orders.textContent = count(t.orders);
    orders.dataset.count = String(t.orders);
    document.getElementById('kpi-in-erp').textContent = `${count(t.inErp)} · ${yuan(t.inErpFen)}`;
    document.getElementById('kpi-cancelled').textContent = `${count(t.cancelled)} / ${count(t.refunded)}`;
    const h = s.health;
    const lag = h.intakeQueue;
    document.getElementById('kpi-queue').textContent = `${count(lag.depth)}` + (lag.oldestAgeSeconds != null ? ` · ${Math.round(lag.oldestAgeSeconds)} s` : '') + (lag.poisonDepth ? ` · ☠ ${lag.poisonDepth}` : '');
    document.getElementById('kpi-pending').textContent = count(h.pendingStock);
    document.getElementById('kpi-quarantined').textContent = `${count(h.quarantined)} / ${count(h.onHold)}`;
    document.getElementById('kpi-failed').textContent = count(h.failed);
    document.getElementById('kpi-queue-box').classList.toggle('warn', lag.depth > 0);
    document.getElementById('kpi-pending-box').classList.toggle('warn', h.pendingStock > 0);
    document.getElementById('kpi-quarantined-box').classList.toggle('warn', h.quarantined + h.onHold > 0);
    document.getElementById('kpi-failed-box').classList.toggle('bad', h.failed > 0);
    const l = h.erpLatency;
    document.getElementById('kpi-latency').textContent = l.count ? `${(l.p50Ms / 1000).toFixed(2)} s / ${(l.p95Ms / 1000).toFixed(2)} s` : '—';
    document.getElementById('kpi-shipped').textContent = `${count(t.shipped)} / ${count(t.onPlatform)}`;
    const shipping = s.shipping;
    const oldest = shipping.shops.length ? shipping.shops[0].ageSeconds : null;
    document.getElementById('kpi-awaiting').textContent = oldest == null ? '—' : waited(oldest);
    document.getElementById('kpi-awaiting-box').classList.toggle('warn', oldest != null && oldest >= 24 * 3600 && oldest < 48 * 3600);
    document.getElementById('kpi-awaiting-box').classList.toggle('bad', oldest != null && oldest >= 48 * 3600);
    document.getElementById('shipping-as-of').textContent = shipping.asOf
      ? `截至 as of ${time(shipping.asOf)} (≤ ${shipping.refreshSeconds} s)` : '尚未计算 not worked out yet';

    bar(charts.anchor, s.byAnchor.map(a => a.name === '-' ? '(无主播 none)' : a.name), s.byAnchor.map(a => a.salesFen / 100), '#ff4d6d', '元 CNY', 'yuan');
    const products = s.products.top.concat(s.products.slow.filter(p => !s.products.top.some(q => q.key === p.key)));
    bar(charts.product, products.map(p => p.title), products.map(p => p.quantity), '#4da3ff', '件 units', 'count');
    charts.channel.setOption(Object.assign({}, theme, {
      animationDuration: 300,
      tooltip: { trigger: 'item', formatter: p => `${esc(p.name)}<br>${esc(yuan(Math.round(p.value * 100)))} (${esc(String(p.percent))}%)` },
      legend: { bottom: 0, textStyle: { color: '#93a0ba' } },
      series: [{ type: 'pie', radius: ['35%', '65%'], center: ['50%', '45%'], data: s.byChannel.map(c => ({ name: c.key === '-' ? '(未知 unknown)' : c.key, value: c.salesFen / 100 })),
        label: { color: '#e6ebf5', formatter: '{b}\n{d}%' } }],
    }), true);
    const stages = s.funnel.concat([{ label: '取消 Cancelled', orders: t.cancelled }, { label: '退款 Refunded', orders: t.refunded }]);
    charts.funnel.setOption(Object.assign({}, theme, {
      animationDuration: 300,
      tooltip: { trigger: 'item', formatter: p => `${esc(p.name)}: ${esc(count(p.value))}` },
      series: [{ type: 'funnel', sort: 'none', left: '8%', width: '70%', minSize: '8%', gap: 2,
        data: s.funnel.map(f => ({ name: f.label, value: f.orders })),
        label: { show: true, position: 'inside', color: '#fff', formatter: '{b}  {c}' } },
      { type: 'funnel', sort: 'none', left: '80%', width: '16%', minSize: '30%', gap: 2,
        data: stages.slice(s.funnel.length).map(f => ({ name: f.label, value: f.orders })), itemStyle: { color: '#5b6580' },
        label: { show: true, position: 'inside', color: '#fff', formatter: p => p.name.split(' ')[0] + ' ' + p.value } }],
    }), true);

    fill('table-rooms', s.byLiveSession.map(r => [r.key === '-' ? '(无 none)' : r.key, r.name === r.key ? '' : r.name, count(r.orders), yuan(r.salesFen)]));
    fill('table-shipping', shipping.shops.map(a => [a.shop, a.oldestOrderId, a.erpOrderNumber || '', waited(a.ageSeconds), count(a.awaitingThatDay)]));
    fill('table-platforms', s.byPlatform.map(p => [p.key, count(p.orders), yuan(p.salesFen)]));
    fill('table-top', s.products.top.map(p => [p.title, count(p.quantity), count(p.orders), yuan(p.salesFen)]));
    fill('table-slow', s.products.slow.map(p => [p.title, count(p.quantity), count(p.orders), yuan(p.salesFen)]));
    document.getElementById('updated').textContent = new Date(s.generatedAt).toLocaleTimeString('zh-CN', { hour12: false });
    document.body.dataset.loaded = String(Number(document.body.dataset.loaded || 0) + 1);
  }

  // How long an order has waited, as days, hours and minutes.
  function waited(seconds) {
    const d = Math.floor(seconds / 86400), h = Math.floor(seconds % 86400 / 3600), m = Math.floor(seconds % 3600 / 60);
    return d > 0 ? `${d} d ${h} h` : h > 0 ? `${h} h ${m} min` : `${m} min`;
  }

  function fill(id, rows) {
    const body = document.querySelector('#' + id + ' tbody');
    body.replaceChildren(...rows.map(cells => el('tr', null, cells.map((c, i) => el('td', { class: i > 0 && /^[¥\d,.\-]/.test(c) ? 'num' : null }, c)))));
  }

  let timer = null;
  async function load() {
    clearTimeout(timer);
    try {
      render(await api('stats/summary', { query: { day: dayInput.value } }));
      document.getElementById('error').textContent = '';
    } catch (e) {
      document.getElementById('error').textContent = '加载失败 Could not load: ' + e.message;
    }
    const every = Number(refresh.value);
    if (every > 0) timer = setTimeout(load, every);
  }

  dayInput.addEventListener('change', load);
  refresh.addEventListener('change', load);
  load();
})();
