// The mapping workbench: load a shop's profile as a draft, map SKUs to ERP materials picked from a search, edit combos,
// gifts, rules and the status map (mapping-forms.js), preview an order through the draft beside the current profile,
// save a new version with a comment, offer to release the orders that waited on a SKU just mapped, and list versions
// with their field changes and a restore. Everything goes through the documented JSON routes under /api/mapping.
(function () {
  'use strict';
  const { api, el, time, count, yuan } = window.SS;
  const forms = window.SSMappingForms;
  const state = { platform: '', shop: '', current: null, draft: null, skus: [], pickFor: null, mappedNow: new Set() };

  function message(text) { document.getElementById('map-message').textContent = text || ''; }
  function base() { return `mapping/${encodeURIComponent(state.platform)}/${encodeURIComponent(state.shop)}`; }
  function reason() { return (document.getElementById('change-reason') || { value: '' }).value.trim(); }
  function changed() { document.getElementById('map-save').dataset.dirty = 'true'; }

  async function load(platform, shop) {
    Object.assign(state, { platform, shop, pickFor: null, mappedNow: new Set() });
    forms.clearErrors();
    message('');
    try {
      state.current = await api(`profiles/${encodeURIComponent(platform)}/${encodeURIComponent(shop)}`);
    } catch (e) {
      document.getElementById('map-body').hidden = true;
      message(e.status === 404 ? `该店铺还没有映射 No mapping profile for ${platform}:${shop}` : '加载失败 Could not load: ' + e.message);
      return;
    }
    state.draft = JSON.parse(JSON.stringify(state.current));
    document.getElementById('map-version').textContent = `当前版本 Current version v${state.current.version}`;
    document.getElementById('map-body').hidden = false;
    document.getElementById('map-picker').hidden = true;
    forms.renderCombos(state.draft, changed);
    forms.renderGifts(state.draft, changed);
    forms.renderRules(state.draft, changed);
    forms.renderStatuses(state.draft, changed);
    await Promise.all([loadSkus(), loadVersions()]);
  }

  // --- SKU map ---
  async function loadSkus() {
    try {
      state.skus = (await api(base() + '/skus')).skus;
    } catch (e) {
      message('SKU 加载失败 Could not load SKUs: ' + e.message);
      state.skus = [];
    }
    renderSkus();
  }

  function mappingText(sku) {
    const single = state.draft.skus[sku];
    if (single) return `${single.materialNumber} · ${single.unitNumber}`;
    if ((state.draft.combos || {})[sku]) return '组合装 Combo';
    return '未映射 Unmapped';
  }

  function renderSkus() {
    const rows = state.skus.map(s => {
      const mapped = state.draft.skus[s.sku] || (state.draft.combos || {})[s.sku];
      return el('tr', { class: [mapped ? '' : 'unmapped', state.mappedNow.has(s.sku) ? 'changed' : '', state.pickFor === s.sku ? 'focus' : ''].join(' ').trim(), dataset: { sku: s.sku } },
        el('td', null, s.sku),
        el('td', null, s.title || '—'),
        el('td', null, time(s.lastSeen)),
        el('td', { class: 'num' }, count(s.unitsSold)),
        el('td', { class: 'sku-mapping', dataset: { path: `$.skus['${s.sku}']` } }, mappingText(s.sku)),
        el('td', null, (state.draft.combos || {})[s.sku] ? '' : el('button', { type: 'button', class: 'pick-material', onclick: () => openPicker(s.sku, s.title) }, '选择物料 Pick material')));
    });
    document.querySelector('#map-skus tbody').replaceChildren(...(rows.length ? rows : [el('tr', null, el('td', { colspan: 6, class: 'muted' }, '还没有见过订单 No orders seen yet'))]));
  }

  function openPicker(sku, title) {
    state.pickFor = sku;
    document.getElementById('map-picker').hidden = false;
    document.getElementById('map-picker-sku').textContent = sku;
    const q = document.getElementById('map-material-q');
    q.value = (title || sku).split(/\s+/)[0];
    renderSkus();
    searchMaterials();
  }

  async function searchMaterials() {
    const body = document.querySelector('#map-materials tbody');
    const q = document.getElementById('map-material-q').value.trim();
    if (!q) return;
    try {
      const r = await api('mapping/materials', { query: { q } });
      body.replaceChildren(...(r.materials.length ? r.materials.map(m => el('tr', { dataset: { number: m.number } },
        el('td', null, m.number), el('td', null, m.name), el('td', null, m.unit || ''), el('td', null, m.specification || ''),
        el('td', null, el('button', { type: 'button', class: 'use-material', onclick: () => useMaterial(m) }, '使用 Use'))))
        : [el('tr', null, el('td', { class: 'muted' }, `${r.erp} 中没有匹配的物料 No material matches`))]));
    } catch (e) {
      body.replaceChildren(el('tr', null, el('td', null, '搜索失败 Search failed: ' + e.message)));
    }
  }

  function useMaterial(m) {
    const sku = state.pickFor;
    if (!sku) return;
    state.draft.skus[sku] = Object.assign({}, state.draft.skus[sku] || {}, { materialNumber: m.number, unitNumber: m.unit || 'Pcs' });
    state.mappedNow.add(sku);
    state.pickFor = null;
    document.getElementById('map-picker').hidden = true;
    changed();
    renderSkus();
    message(`${sku} → ${m.number}（未保存 not saved yet）`);
  }

  // --- preview ---
  function planView(title, plan) {
    if (!plan) return el('div', { class: 'group' }, el('strong', null, title), el('p', { class: 'muted' }, '无 None'));
    const lines = (plan.document && plan.document.lines) || [];
    return el('div', { class: 'group preview-plan', dataset: { outcome: plan.outcome } },
      el('div', { class: 'head' }, el('strong', null, title), el('span', { class: 'status preview-outcome' }, plan.outcome)),
      (plan.reasons || []).map(r => el('div', { class: 'field-error' }, r)),
      lines.length ? el('table', null,
        el('thead', null, el('tr', null, el('th', null, '物料 Material'), el('th', { class: 'num' }, '数量 Qty'), el('th', { class: 'num' }, '金额 Amount'), el('th', null, '赠品 Gift'))),
        el('tbody', null, lines.map(l => el('tr', null, el('td', null, l.materialNumber), el('td', { class: 'num' }, count(l.quantity)), el('td', { class: 'num' }, yuan(l.amountFen)), el('td', null, l.isGift ? '是 yes' : ''))))) : null);
  }

  async function preview() {
    forms.clearErrors();
    const orderId = document.getElementById('map-preview-order').value.trim();
    const payload = document.getElementById('map-preview-payload').value.trim();
    const result = document.getElementById('map-preview-result');
    try {
      const r = await api(base() + '/preview', { method: 'POST', query: { reason: reason() }, json: { profile: state.draft, orderId: orderId || undefined, payload: payload || undefined } });
      result.replaceChildren(
        planView(`当前 v${r.current ? r.current.version : '—'} Current`, r.current && r.current.plan),
        planView('草稿 Draft', r.draft));
    } catch (e) {
      result.replaceChildren();
      if (e.body && e.body.errors) forms.showErrors(e.body.errors);
      message('预览失败 Preview failed: ' + e.message);
    }
  }

  // --- save, then offer to release what waited on the SKUs just mapped ---
  async function save() {
    forms.clearErrors();
    const comment = document.getElementById('map-comment').value.trim();
    if (!comment) {
      forms.showErrors([{ path: '$.comment', reason: '请写修改说明 A comment is required' }]);
      document.getElementById('map-comment').classList.add('invalid');
      return;
    }
    const mapped = [...state.mappedNow];
    try {
      const r = await api(base() + '/versions', { method: 'POST', query: { reason: reason() || comment }, json: { profile: state.draft, comment } });
      document.getElementById('map-comment').value = '';
      await load(state.platform, state.shop);
      message(`已保存 Saved version v${r.version}: ${r.summary}`);
      await offerRelease(mapped);
    } catch (e) {
      if (e.body && e.body.errors) forms.showErrors(e.body.errors);
      message('保存失败 Save failed: ' + e.message);
    }
  }

  async function offerRelease(skus) {
    const host = document.getElementById('map-release');
    host.replaceChildren();
    if (skus.length === 0) return;
    const q = await api('quarantine').catch(() => null);
    const waiting = ((q && q.bySku) || []).filter(g => skus.includes(g.sku));
    host.replaceChildren(...waiting.map(g => el('div', { class: 'group' }, el('div', { class: 'head' },
      el('span', null, `${g.count} 单等待 SKU ${g.sku} orders waiting on it`),
      el('button', { type: 'button', class: 'primary map-release', dataset: { sku: g.sku }, onclick: e => release(g.sku, e.target) }, `释放 Release ${g.count}`)))));
  }

  async function release(sku, button) {
    try {
      const r = await api('quarantine/release', { method: 'POST', query: { reason: reason() || `mapped ${sku}` }, json: { sku } });
      button.replaceWith(el('span', { class: 'released' }, `已释放 Released ${r.released}`));
    } catch (e) {
      message('释放失败 Release failed: ' + e.message);
    }
  }

  // --- versions ---
  async function loadVersions() {
    try {
      const h = await api(base() + '/versions');
      document.querySelector('#map-versions tbody').replaceChildren(...h.versions.map(v => el('tr', { dataset: { version: String(v.version) } },
        el('td', null, 'v' + v.version),
        el('td', null, time(v.changedAt)),
        el('td', null, v.changedBy),
        el('td', null, v.comment || '—'),
        el('td', null, v.changes.length === 0 ? el('span', { class: 'muted' }, v.summary || '创建 created') : null,
          v.changes.slice(0, 12).map(c => el('div', { class: 'change' }, el('code', null, c.path), ': ', c.before ?? '∅', ' → ', c.after ?? '∅')),
          v.changes.length > 12 ? el('div', { class: 'muted' }, `… ${v.changes.length - 12}`) : null),
        el('td', null, v.version === state.current.version ? el('span', { class: 'muted' }, '当前 current')
          : el('button', { type: 'button', class: 'restore', onclick: () => restore(v.version) }, '恢复 Restore')))));
    } catch (e) {
      message('版本加载失败 Could not load versions: ' + e.message);
    }
  }

  async function restore(version) {
    const comment = document.getElementById('map-comment').value.trim();
    if (!comment) {
      document.getElementById('map-comment').classList.add('invalid');
      message('恢复前请写说明 Write a comment before restoring');
      return;
    }
    try {
      const r = await api(`${base()}/versions/${version}/restore`, { method: 'POST', query: { reason: reason() || comment }, json: { comment } });
      document.getElementById('map-comment').value = '';
      await load(state.platform, state.shop);
      message(`已恢复 v${version}，新版本 Restored as version v${r.version}`);
    } catch (e) {
      if (e.body && e.body.errors) forms.showErrors(e.body.errors);
      message('恢复失败 Restore failed: ' + e.message);
    }
  }

  // From the quarantine list: open the SKU map at the SKU and its material search.
  async function openSku(platform, shop, sku) {
    document.getElementById('map-platform').value = platform;
    document.getElementById('map-shop').value = shop;
    await load(platform, shop);
    const row = state.skus.find(s => s.sku === sku);
    openPicker(sku, row && row.title);
    document.getElementById('mapping-panel').scrollIntoView();
  }

  document.getElementById('map-form').addEventListener('submit', e => {
    e.preventDefault();
    load(document.getElementById('map-platform').value, document.getElementById('map-shop').value.trim());
  });
  document.getElementById('map-material-search').addEventListener('click', searchMaterials);
  document.getElementById('map-material-q').addEventListener('keydown', e => { if (e.key === 'Enter') { e.preventDefault(); searchMaterials(); } });
  document.getElementById('map-combo-add').addEventListener('click', () => forms.addCombo(state.draft, document.getElementById('map-combo-new').value.trim(), changed));
  document.getElementById('map-gift-add').addEventListener('click', () => { state.draft.giftRules.push({ triggerSku: '', giftMaterial: '', giftUnit: 'Pcs', giftQuantity: 1, perQuantity: 1 }); forms.renderGifts(state.draft, changed); });
  document.getElementById('map-rule-add').addEventListener('click', () => { state.draft.rules.push({ name: '', when: { field: 'paidAmountFen', op: 'gt', value: 0 }, outcome: 'Hold', reason: '' }); forms.renderRules(state.draft, changed); });
  document.getElementById('map-status-add').addEventListener('click', () => { state.draft.statusMap[''] = 'Paid'; forms.renderStatuses(state.draft, changed); });
  document.getElementById('map-preview').addEventListener('click', preview);
  document.getElementById('map-save').addEventListener('click', save);

  window.SSMapping = { load, openSku };
})();
