// The analysts' dashboard: no build step, no library. It asks the reporting API (same origin, the browser's own
// credentials) and draws what it answers as SVG.
(function () {
  'use strict';
  const COLOURS = ['#1f77b4', '#d62728', '#2ca02c', '#9467bd', '#ff7f0e', '#17becf', '#8c564b', '#e377c2'];
  const MAX_SERIES = 8;
  // The origin, not the page's address: that may carry credentials (http://user:pass@host/), which fetch refuses.
  const API = location.origin + '/api/v1/reports/resolution?';
  const form = document.getElementById('filters');
  const status = document.getElementById('status');

  function today() { return new Date().toISOString().slice(0, 10); }
  function yearAgo() { const d = new Date(); d.setFullYear(d.getFullYear() - 1); return d.toISOString().slice(0, 10); }

  // Filters come from the page's query string, so a view can be linked to.
  const params = new URLSearchParams(location.search);
  form.groupBy.value = params.get('groupBy') || 'commune';
  form.period.value = params.get('period') || 'month';
  form.from.value = params.get('from') || yearAgo();
  form.to.value = params.get('to') || today();
  form.province.value = params.get('province') || '';

  function query() {
    const q = new URLSearchParams({ groupBy: form.groupBy.value, period: form.period.value, from: form.from.value, to: form.to.value });
    if (form.province.value.trim()) { q.set('province', form.province.value.trim()); }
    return q;
  }

  function el(name, attrs, text) {
    const node = document.createElementNS('http://www.w3.org/2000/svg', name);
    Object.entries(attrs || {}).forEach(([k, v]) => node.setAttribute(k, v));
    if (text !== undefined) { node.textContent = text; }
    return node;
  }

  function pct(x) { return x === null || x === undefined ? '—' : (x * 100).toFixed(1) + ' %'; }

  /** The groups with most petitions, each with its values by period. */
  function series(rows, value) {
    const totals = new Map();
    rows.forEach(r => totals.set(r.group, (totals.get(r.group) || 0) + r.received));
    const groups = [...totals.entries()].sort((a, b) => b[1] - a[1]).slice(0, MAX_SERIES).map(e => e[0]);
    const periods = [...new Set(rows.map(r => r.period))].sort();
    const names = new Map(rows.map(r => [r.group, r.groupName || r.group]));
    return {
      periods,
      lines: groups.map((g, i) => ({
        group: g, name: names.get(g), colour: COLOURS[i % COLOURS.length],
        values: periods.map(p => { const r = rows.find(x => x.group === g && x.period === p); return r ? value(r) : null; })
      }))
    };
  }

  function legend(container, lines) {
    const div = document.createElement('div');
    div.className = 'legend';
    lines.forEach(l => { const s = document.createElement('span'); s.style.setProperty('--c', l.colour); s.textContent = l.name; div.appendChild(s); });
    container.appendChild(div);
  }

  function lineChart(container, data, max, format) {
    container.replaceChildren();
    const W = 900, H = 260, L = 50, B = 30, T = 10, R = 10;
    const svg = el('svg', { viewBox: `0 0 ${W} ${H}`, role: 'img' });
    svg.appendChild(el('line', { class: 'axis', x1: L, y1: H - B, x2: W - R, y2: H - B }));
    svg.appendChild(el('line', { class: 'axis', x1: L, y1: T, x2: L, y2: H - B }));
    const n = Math.max(1, data.periods.length - 1);
    const x = i => L + (W - L - R) * (data.periods.length === 1 ? 0.5 : i / n);
    const y = v => H - B - (H - B - T) * (max === 0 ? 0 : v / max);
    [0, 0.5, 1].forEach(f => svg.appendChild(el('text', { x: 4, y: y(max * f) + 4 }, format(max * f))));
    data.periods.forEach((p, i) => svg.appendChild(el('text', { x: x(i) - 18, y: H - 10 }, p)));
    data.lines.forEach(line => {
      const points = line.values.map((v, i) => v === null ? null : `${x(i)},${y(v)}`).filter(Boolean);
      if (points.length) {
        svg.appendChild(el('polyline', { points: points.join(' '), fill: 'none', stroke: line.colour, 'stroke-width': 2, 'data-group': line.group }));
        line.values.forEach((v, i) => { if (v !== null) { svg.appendChild(el('circle', { cx: x(i), cy: y(v), r: 3, fill: line.colour })); } });
      }
    });
    container.appendChild(svg);
    legend(container, data.lines);
  }

  function table(rows) {
    const body = document.querySelector('#rows tbody');
    body.replaceChildren();
    rows.forEach(r => {
      const tr = document.createElement('tr');
      tr.dataset.group = r.group;
      tr.dataset.period = r.period;
      [r.period, r.groupName || r.group, r.received, r.imported, r.handled, pct(r.handlingRate), pct(r.onTimeRate),
        r.medianDaysToHandle === null ? '—' : r.medianDaysToHandle, r.openAtEnd].forEach(v => {
        const td = document.createElement('td'); td.textContent = v; tr.appendChild(td);
      });
      body.appendChild(tr);
    });
  }

  async function problem(response) {
    try { const p = await response.json(); return (p.detail || p.title) + (p.errors ? ': ' + p.errors.map(e => e.field + ' ' + e.reason).join('; ') : ''); }
    catch (e) { return response.status + ' ' + response.statusText; }
  }

  async function load() {
    const q = query();
    history.replaceState(null, '', '?' + q);
    const url = API + q;
    document.getElementById('api-link').href = url;
    status.className = '';
    status.textContent = 'Đang tải…';
    const response = await fetch(url, { headers: { Accept: 'application/json', 'Accept-Language': 'vi' } });
    if (!response.ok) {
      status.className = 'error';
      status.textContent = await problem(response);
      return;
    }
    const report = await response.json();
    const rows = report.rows || [];
    status.textContent = rows.length ? `${rows.length} dòng, ${report.from} – ${report.to}` : 'Không có số liệu trong khoảng này.';
    status.dataset.rows = rows.length;
    const rates = series(rows, r => r.handlingRate);
    lineChart(document.getElementById('rates'), rates, 1, v => (v * 100).toFixed(0) + '%');
    const backlog = series(rows, r => r.openAtEnd);
    const top = Math.max(1, ...backlog.lines.flatMap(l => l.values.filter(v => v !== null)));
    lineChart(document.getElementById('backlog'), backlog, top, v => (Number.isInteger(v) ? String(v) : v.toFixed(1)));
    table(rows);
  }

  async function csv() {
    const response = await fetch(API + query(), { headers: { Accept: 'text/csv' } });
    if (!response.ok) { status.className = 'error'; status.textContent = await problem(response); return; }
    const link = document.createElement('a');
    link.href = URL.createObjectURL(await response.blob());
    link.download = 'resolution.csv';
    link.click();
  }

  form.addEventListener('submit', e => { e.preventDefault(); load(); });
  document.getElementById('csv').addEventListener('click', csv);
  load().catch(e => { status.className = 'error'; status.textContent = String(e); });
})();
