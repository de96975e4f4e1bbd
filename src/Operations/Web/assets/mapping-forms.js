// The mapping workbench's forms: combos (with a live split of the paid amount, computed by the server's allocation),
// gift rules, hold/quarantine rules and the status map. Each input edits the draft profile in place and carries the
// JSON path the server's validation names (data-path), so a validation message is shown beside the field it is about.
(function () {
  'use strict';
  const { api, el, yuan } = window.SS;
  const operators = ['eq', 'ne', 'gt', 'gte', 'lt', 'lte', 'in', 'notIn', 'contains'];
  const statuses = ['PendingPayment', 'Paid', 'Shipped', 'Completed', 'Cancelled', 'Refunded'];
  const bases = ['ListPrice', 'Quantity', 'Equal'];

  // "99.5" or "99.50" yuan → 9950 fen, without floating point; null when it is not an amount.
  function fenOf(text) {
    const m = /^\s*(\d{1,13})(?:\.(\d{1,2}))?\s*$/.exec(text || '');
    return m ? Number(m[1]) * 100 + Number((m[2] || '').padEnd(2, '0')) : null;
  }

  function input(path, value, onInput, attrs) {
    return el('input', Object.assign({ value: value ?? '', dataset: { path }, oninput: e => onInput(e.target.value) }, attrs || {}));
  }

  function select(path, options, value, onChange) {
    const s = el('select', { dataset: { path }, onchange: e => onChange(e.target.value) }, options.map(o => el('option', { value: o }, o)));
    s.value = value ?? options[0];
    return s;
  }

  function removeButton(label, onClick) {
    return el('button', { type: 'button', class: 'remove', onclick: onClick }, label || '删除 Remove');
  }

  // --- combos ---
  function renderCombos(draft, changed) {
    const host = document.getElementById('map-combos');
    const combos = draft.combos || (draft.combos = {});
    host.replaceChildren(...Object.keys(combos).sort().map(sku => comboBlock(draft, sku, changed)));
  }

  function comboBlock(draft, sku, changed) {
    const combo = draft.combos[sku];
    const base = `$.combos['${sku}']`;
    const split = el('span', { class: 'muted combo-split-status' });
    const amount = el('input', { class: 'combo-amount', size: 10, value: '', placeholder: '99.00', dataset: { combo: sku } });
    const rerender = () => { renderCombos(draft, changed); changed(); };
    const rows = combo.components.map((c, i) => el('tr', { dataset: { index: String(i) } },
      el('td', null, input(`${base}.components[${i}].materialNumber`, c.materialNumber, v => { c.materialNumber = v; changed(); }, { size: 14 })),
      el('td', null, input(`${base}.components[${i}].unitNumber`, c.unitNumber, v => { c.unitNumber = v; changed(); }, { size: 5 })),
      el('td', null, input(`${base}.components[${i}].quantity`, c.quantity, v => { c.quantity = Number(v); changed(); refresh(); }, { size: 4, type: 'number', min: 1 })),
      el('td', null, input(`${base}.components[${i}].listPriceFen`, yuan(c.listPriceFen).replace(/[¥,]/g, ''), v => { const f = fenOf(v); if (f !== null) { c.listPriceFen = f; changed(); refresh(); } }, { size: 8 })),
      el('td', { class: 'num combo-share' }, ''),
      el('td', null, removeButton(null, () => { combo.components.splice(i, 1); rerender(); }))));
    const body = el('tbody', null, rows);
    async function refresh() {
      const fen = fenOf(amount.value);
      body.querySelectorAll('td.combo-share').forEach(td => { td.textContent = ''; });
      if (fen === null || combo.components.length === 0) { split.textContent = fen === null && amount.value ? '金额格式 Amount as 99.00' : ''; return; }
      const components = combo.components.map(c => `${c.quantity}:${c.listPriceFen}`).join(',');
      try {
        const r = await api('mapping/combo-split', { query: { amountFen: fen, basis: combo.basis || draft.priceAllocation || 'ListPrice', components } });
        r.sharesFen.forEach((s, i) => { const td = body.querySelectorAll('td.combo-share')[i]; if (td) td.textContent = yuan(s); });
        split.textContent = `合计 Total ${yuan(r.sharesFen.reduce((a, b) => a + b, 0))}`;
      } catch (e) {
        split.textContent = '无法拆分 Cannot split: ' + e.message;
      }
    }
    amount.addEventListener('input', refresh);
    return el('div', { class: 'group combo', dataset: { sku, path: base } },
      el('div', { class: 'head' },
        el('div', null, '组合装 Combo ', el('strong', null, sku)),
        el('div', null, el('label', null, '分摊 Split by '), select(`${base}.basis`, bases, combo.basis || draft.priceAllocation || 'ListPrice', v => { combo.basis = v; changed(); refresh(); })),
        removeButton('删除组合 Remove combo', () => { delete draft.combos[sku]; rerender(); })),
      el('table', null,
        el('thead', null, el('tr', null, el('th', null, '物料 Material'), el('th', null, '单位 Unit'), el('th', null, '数量 Qty'), el('th', null, '单价 List price ¥'), el('th', { class: 'num' }, '拆分 Share'), el('th', null, ''))),
        body),
      el('div', { class: 'row' },
        el('button', { type: 'button', class: 'combo-add-component', onclick: () => { combo.components.push({ materialNumber: '', unitNumber: 'Pcs', quantity: 1, listPriceFen: 0 }); rerender(); } }, '添加组件 Add component'),
        el('div', null, el('label', null, '实付预览 Paid amount ¥'), amount), split));
  }

  function addCombo(draft, sku, changed) {
    if (!sku) return;
    draft.combos = draft.combos || {};
    if (!draft.combos[sku]) draft.combos[sku] = { components: [{ materialNumber: '', unitNumber: 'Pcs', quantity: 1, listPriceFen: 0 }] };
    renderCombos(draft, changed);
    changed();
  }

  // --- gift rules ---
  function renderGifts(draft, changed) {
    const gifts = draft.giftRules || (draft.giftRules = []);
    const rerender = () => { renderGifts(draft, changed); changed(); };
    document.querySelector('#map-gifts tbody').replaceChildren(...gifts.map((g, i) => el('tr', null,
      el('td', null, input(`$.giftRules[${i}].triggerSku`, g.triggerSku, v => { g.triggerSku = v; changed(); }, { size: 14 })),
      el('td', null, input(`$.giftRules[${i}].giftMaterial`, g.giftMaterial, v => { g.giftMaterial = v; changed(); }, { size: 14 })),
      el('td', null, input(`$.giftRules[${i}].giftUnit`, g.giftUnit, v => { g.giftUnit = v; changed(); }, { size: 5 })),
      el('td', null, input(`$.giftRules[${i}]`, g.giftQuantity, v => { g.giftQuantity = Number(v); changed(); }, { size: 4, type: 'number' })),
      el('td', null, input(`$.giftRules[${i}].perQuantity`, g.perQuantity, v => { g.perQuantity = Number(v); changed(); }, { size: 4, type: 'number' })),
      el('td', null, removeButton(null, () => { gifts.splice(i, 1); rerender(); })))));
  }

  // --- rules: one comparison as a form; a combined condition (all/any/not) as the rule language's JSON ---
  function parseValue(text) {
    try { return JSON.parse(text); } catch (e) { return text; }
  }

  function renderRules(draft, changed) {
    const rules = draft.rules || (draft.rules = []);
    const rerender = () => { renderRules(draft, changed); changed(); };
    document.querySelector('#map-rules tbody').replaceChildren(...rules.map((r, i) => {
      const p = `$.rules[${i}]`;
      const w = r.when || (r.when = { field: '', op: 'eq', value: '' });
      const simple = !(w.all || w.any || w.not);
      const condition = simple
        ? [el('td', null, input(`${p}.when.field`, w.field, v => { w.field = v; changed(); }, { size: 14 })),
          el('td', null, select(`${p}.when.op`, operators, w.op || 'eq', v => { w.op = v; changed(); })),
          el('td', null, input(`${p}.when.value`, w.value === undefined ? '' : JSON.stringify(w.value), v => { w.value = parseValue(v); changed(); }, { size: 14 }))]
        : [el('td', { colspan: 3 }, el('textarea', { rows: 2, cols: 40, dataset: { path: `${p}.when` }, oninput: e => { try { r.when = JSON.parse(e.target.value); e.target.classList.remove('invalid'); changed(); } catch (x) { e.target.classList.add('invalid'); } } }, JSON.stringify(w)))];
      return el('tr', null,
        el('td', null, input(`${p}.name`, r.name, v => { r.name = v; changed(); }, { size: 12 })),
        ...condition,
        el('td', null, select(`${p}.outcome`, ['Hold', 'Quarantine'], r.outcome || 'Hold', v => { r.outcome = v; changed(); })),
        el('td', null, input(`${p}.reason`, r.reason, v => { r.reason = v; changed(); }, { size: 18 })),
        el('td', null, removeButton(null, () => { rules.splice(i, 1); rerender(); })));
    }));
  }

  // --- status map ---
  function renderStatuses(draft, changed) {
    const map = draft.statusMap || (draft.statusMap = {});
    const rerender = () => { renderStatuses(draft, changed); changed(); };
    document.querySelector('#map-statuses tbody').replaceChildren(...Object.keys(map).map(code => el('tr', null,
      el('td', null, el('input', { value: code, size: 10, dataset: { path: `$.statusMap['${code}']` }, onchange: e => { const v = map[code]; delete map[code]; map[e.target.value.trim()] = v; rerender(); } })),
      el('td', null, select(`$.statusMap['${code}']`, statuses, map[code], v => { map[code] = v; changed(); })),
      el('td', null, removeButton(null, () => { delete map[code]; rerender(); })))));
  }

  // --- validation messages where the mistake is ---
  function clearErrors() {
    document.querySelectorAll('#mapping-panel .field-error.inline').forEach(n => n.remove());
    document.querySelectorAll('#mapping-panel .invalid').forEach(n => n.classList.remove('invalid'));
    document.getElementById('map-errors').replaceChildren();
  }

  function showErrors(errors) {
    clearErrors();
    const unplaced = [];
    (errors || []).forEach(e => {
      // The field itself, else the nearest enclosing path shown on the page (a combo, a rule, a SKU row).
      let path = e.path;
      let target = null;
      while (path && !(target = [...document.querySelectorAll('#mapping-panel [data-path]')].find(n => n.dataset.path === path))) {
        const cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
        path = cut > 1 ? path.substring(0, cut) : '';
      }
      if (!target) { unplaced.push(e); return; }
      target.classList.add('invalid');
      target.insertAdjacentElement('afterend', el('div', { class: 'field-error inline', dataset: { for: e.path } }, e.reason));
    });
    document.getElementById('map-errors').replaceChildren(...unplaced.map(e => el('div', null, `${e.path}: ${e.reason}`)));
  }

  window.SSMappingForms = { renderCombos, addCombo, renderGifts, renderRules, renderStatuses, showErrors, clearErrors, fenOf };
})();
