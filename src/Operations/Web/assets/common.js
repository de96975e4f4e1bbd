// Shared by the dashboard and the console: API calls (carrying the function key from the page URL, if any, and the
// LocalHost admin token on changes), money in yuan from integer fen, and bilingual labels. No buyer data is ever shown.
(function () {
  'use strict';
  const params = new URLSearchParams(window.location.search);
  const key = params.get('code');

  // The LocalHost admin token arrives in the link's fragment (#token=..., never sent to a server or a referrer), is
  // kept for this tab only and leaves the address bar at once.
  const tokenStore = 'serverlesssync-admin-token';
  const fragment = new URLSearchParams(window.location.hash.substring(1));
  if (fragment.get('token')) {
    sessionStorage.setItem(tokenStore, fragment.get('token'));
    history.replaceState(null, '', window.location.pathname + window.location.search);
  }
  function adminToken(value) {
    if (value !== undefined) sessionStorage.setItem(tokenStore, value);
    return sessionStorage.getItem(tokenStore) || '';
  }

  function url(path, query) {
    const u = new URL(path, window.location.href); // relative to /api/
    Object.entries(query || {}).forEach(([k, v]) => { if (v !== undefined && v !== null && v !== '') u.searchParams.set(k, v); });
    if (key) u.searchParams.set('code', key);
    return u.pathname + u.search;
  }

  async function api(path, options) {
    const opts = Object.assign({ headers: { 'Accept': 'application/json' } }, options || {});
    if (opts.method && opts.method !== 'GET' && opts.json === undefined) opts.json = {};
    if (opts.json !== undefined) {
      opts.method = opts.method || 'POST';
      opts.headers['Content-Type'] = 'application/json';
      opts.body = JSON.stringify(opts.json);
      delete opts.json;
      if (adminToken()) opts.headers['X-Admin-Token'] = adminToken();
    }
    const response = await fetch(url(path, opts.query), opts);
    const text = await response.text();
    let body = null;
    try { body = text ? JSON.parse(text) : null; } catch (e) { body = { error: text }; }
    if (!response.ok) {
      const message = (body && (body.error || body.title)) || response.statusText;
      const error = new Error(`${response.status} ${message}`);
      error.status = response.status;
      error.body = body;
      throw error;
    }
    return body;
  }

  // Integer fen to "¥1,234.56" without floating point.
  function yuan(fen) {
    const n = Number(fen || 0);
    const negative = n < 0;
    const abs = Math.abs(n);
    const whole = Math.floor(abs / 100).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
    const cents = String(abs % 100).padStart(2, '0');
    return (negative ? '-¥' : '¥') + whole + '.' + cents;
  }

  function count(n) {
    return Number(n || 0).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  }

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    Object.entries(attrs || {}).forEach(([k, v]) => {
      if (v === undefined || v === null || v === false) return;
      if (k === 'class') node.className = v;
      else if (k.startsWith('on') && typeof v === 'function') node.addEventListener(k.substring(2), v);
      else if (k === 'dataset') Object.entries(v).forEach(([dk, dv]) => { node.dataset[dk] = dv; });
      else node.setAttribute(k, v === true ? '' : v);
    });
    children.flat().forEach(c => {
      if (c === undefined || c === null || c === false) return;
      node.appendChild(c instanceof Node ? c : document.createTextNode(String(c)));
    });
    return node;
  }

  function todayUtc8() {
    const now = new Date(Date.now() + 8 * 3600 * 1000);
    return now.toISOString().substring(0, 10);
  }

  function time(iso) {
    if (!iso) return '';
    const d = new Date(iso);
    return isNaN(d) ? String(iso) : d.toLocaleString('zh-CN', { hour12: false });
  }

  window.SS = { url, api, yuan, count, el, todayUtc8, time, params, adminToken };
})();
