// Finance overview: what miscoding costs, for a run and a date-of-service range. Every figure shown is
// a figure the API returned (GET /api/summary, GET /api/runs); nothing is recomputed from findings.
import {h, replace, append} from './dom.js';
import {get, download, ApiError} from './api.js';
import {money, count, cents, kindLabel, monthsBetween, lastDayOfMonth, addMonths, moneyFromCents} from './format.js';
import {sortableTable} from './table.js';
import {directionBars, amountBars} from './charts.js';
import {runSelect, fillRuns, dateField} from './filters.js';

const MAX_MONTHS = 36;

export function renderFinance(ctx) {
  const {main, params} = ctx;
  const filter = {runId: params.get('runId') || '', from: params.get('from') || '', to: params.get('to') || ''};
  ctx.title('Finance overview');

  const run = runSelect('f-run', filter.runId);
  const from = dateField('f-from', 'From (date of service)', filter.from);
  const to = dateField('f-to', 'To (date of service)', filter.to);
  const exportStatus = h('span', {class: 'muted', role: 'status', id: 'export-status'});
  const exportButton = h('button', {type: 'button', id: 'export-csv', class: 'secondary'}, 'Export findings as CSV');
  const form = h('form', {class: 'filters', id: 'finance-filters', 'aria-label': 'Finance filters'},
    run.field, from.field, to.field,
    h('div', {class: 'actions'},
      h('button', {type: 'submit', class: 'primary'}, 'Apply'),
      h('a', {href: '#/finance', class: 'button-link'}, 'Reset'),
      exportButton, exportStatus));
  form.addEventListener('submit', event => {
    event.preventDefault();
    ctx.navigate('/finance', {runId: run.select.value, from: from.input.value, to: to.input.value});
  });
  exportButton.addEventListener('click', async () => {
    exportButton.disabled = true;
    exportStatus.textContent = 'Preparing the CSV…';
    try {
      const bytes = await download('/api/findings/export.csv', filter, csvName(filter));
      exportStatus.textContent = 'Downloaded findings.csv (' + count(bytes) + ' bytes).';
    } catch (e) {
      exportStatus.textContent = 'Export failed: ' + e.message;
    } finally {
      exportButton.disabled = false;
    }
  });

  const alert = h('div', {role: 'alert', class: 'alert-slot'});
  const tiles = h('ul', {class: 'tiles', id: 'tiles', 'aria-busy': 'true'});
  const sections = h('div', {class: 'sections'});
  replace(main, h('section', {class: 'finance', 'aria-labelledby': 'finance-title'},
    h('h1', {id: 'finance-title', tabindex: '-1'}, 'Finance overview'),
    h('p', {class: 'muted', id: 'scope'}, scopeText(filter)),
    form, alert, tiles, sections));
  ctx.focusHeading();

  const runsRequest = get('/api/runs');
  runsRequest.then(runs => { if (ctx.isCurrent()) fillRuns(run.select, runs, filter.runId); }).catch(() => {});
  Promise.all([runsRequest, get('/api/summary', filter)])
    .then(([runs, summary]) => {
      if (!ctx.isCurrent()) return;
      drawTiles(tiles, summary, claimsAudited(runs, filter));
      drawBreakdowns(sections, summary);
      drawMonths(ctx, sections, filter);
    })
    .catch(e => {
      if (!ctx.isCurrent()) return;
      tiles.removeAttribute('aria-busy');
      replace(alert, h('p', {class: 'error'}, 'Could not load the summary: ' + e.message));
    });
}

function csvName(f) {
  return ['findings', f.runId, f.from, f.to].filter(Boolean).join('_').replace(/[^A-Za-z0-9_.-]/g, '-') + '.csv';
}

function scopeText(f) {
  const run = f.runId ? 'Run ' + f.runId : 'All loaded runs';
  const range = f.from || f.to ? ', dates of service ' + (f.from || 'start') + ' to ' + (f.to || 'end') : ', all dates of service';
  return run + range + '.';
}

/**
 * Claims audited = encounters of the run (GET /api/runs). The API counts them per run only: with a
 * date range there is no figure to show, and the tile says so instead of guessing.
 */
function claimsAudited(runs, f) {
  if (f.from || f.to) return {value: null, note: 'Not available for a date range (the API counts claims per run).'};
  const chosen = f.runId ? runs.filter(r => r.runId === f.runId) : runs;
  if (chosen.length === 0) return {value: null, note: 'No loaded run.'};
  const n = chosen.reduce((a, r) => a + Number(r.encounters || 0), 0);
  return {value: n, note: chosen.length === 1 ? 'in run ' + chosen[0].runId : 'in ' + chosen.length + ' runs'};
}

function tile(id, label, value, note, tone) {
  return h('li', {class: 'tile' + (tone ? ' tone-' + tone : ''), id: 'tile-' + id},
    h('span', {class: 'tile-label'}, label),
    h('span', {class: 'tile-value', 'data-testid': 'tile-value'}, value),
    note ? h('span', {class: 'tile-note'}, note) : null);
}

function drawTiles(tiles, s, claims) {
  tiles.removeAttribute('aria-busy');
  replace(tiles,
    tile('underpayment', 'Underpayment', money(s.underpayment), 'paid less than correct coding earns', 'under'),
    tile('overpayment', 'Overpayment exposure', money(s.overpayment), 'recoupment risk on audit', 'over'),
    tile('denial', 'Recoverable denials', money(s.denial), 'recovered by the correction', 'denial'),
    tile('findings', 'Findings', count(s.findings), null, null),
    tile('claims', 'Claims audited', claims.value === null ? '—' : count(claims.value), claims.note, null));
}

const MONEY_COLUMNS = [
  {key: 'findings', label: 'Findings', type: 'number', render: r => count(r.findings)},
  {key: 'underpayment', label: 'Underpayment', type: 'number', render: r => money(r.underpayment)},
  {key: 'overpayment', label: 'Overpayment', type: 'number', render: r => money(r.overpayment)},
  {key: 'denial', label: 'Denial', type: 'number', render: r => money(r.denial)},
];

function moved(r) {
  return cents(r.underpayment) + cents(r.overpayment) + cents(r.denial);
}

function section(id, title, ...content) {
  return h('section', {class: 'panel', id, 'aria-labelledby': id + '-title'},
    h('h2', {id: id + '-title'}, title), h('div', {class: 'split'}, ...content));
}

function drawBreakdowns(sections, s) {
  const payers = s.byPayer || [];
  const providers = s.byProvider || [];
  const kinds = s.byKind || [];
  const topProviders = [...providers].sort((a, b) => moved(b) - moved(a)).slice(0, 15);
  const kindsByAmount = [...kinds].sort((a, b) => cents(b.amount) - cents(a.amount));
  append(sections,
    section('by-payer', 'By payer',
      payers.length ? directionBars('Underpayment, overpayment and denial amounts by payer',
        payers.map(r => r.payerId), payers) : null,
      sortableTable({id: 'table-payer', caption: 'Findings and amounts by payer', sortKey: 'underpayment',
        columns: [{key: 'payerId', label: 'Payer'}, ...MONEY_COLUMNS], rows: payers})),
    section('by-provider', 'By billing provider',
      topProviders.length ? directionBars('Amounts by billing provider NPI (the ' + topProviders.length + ' largest)',
        topProviders.map(r => r.billingNpi), topProviders, {horizontal: true}) : null,
      sortableTable({id: 'table-provider', caption: 'Findings and amounts by billing provider NPI', sortKey: 'underpayment',
        columns: [{key: 'billingNpi', label: 'Billing NPI'}, ...MONEY_COLUMNS], rows: providers})),
    section('by-kind', 'By finding kind',
      kinds.length ? amountBars('Amount by finding kind', kindsByAmount.map(r => kindLabel(r.kind)),
        kindsByAmount.map(r => r.amount)) : null,
      sortableTable({id: 'table-kind', caption: 'Findings and amount by finding kind', sortKey: 'amount',
        columns: [
          {key: 'kind', label: 'Finding kind', render: r => h('span', {title: r.kind}, kindLabel(r.kind))},
          {key: 'findings', label: 'Findings', type: 'number', render: r => count(r.findings)},
          {key: 'amount', label: 'Amount', type: 'number', render: r => money(r.amount)},
        ], rows: kinds})));
}

/**
 * By month of service. The API has no monthly breakdown, so each month is asked for as a date range
 * (GET /api/summary?by=payer&from=&to=) and the payer rows of that answer are added up in cents.
 */
async function drawMonths(ctx, sections, f) {
  const box = section('by-month', 'By month of service', h('p', {class: 'muted', role: 'status'}, 'Loading the months…'));
  const body = box.querySelector('.split');
  sections.prepend(box);
  try {
    let months;
    if (f.from && f.to) {
      months = monthsBetween(f.from, f.to);
    } else {
      let end = f.to ? f.to.slice(0, 7) : null;
      if (!end) {
        const newest = await get('/api/findings', {runId: f.runId, from: f.from, size: 1});
        end = newest.items.length ? String(newest.items[0].dateOfService).slice(0, 7) : null;
      }
      if (!end) {
        replace(body, h('p', {class: 'muted'}, 'No findings in this selection.'));
        return;
      }
      const start = f.from ? f.from.slice(0, 7) : addMonths(end, -11);
      months = monthsBetween(start, end);
    }
    if (months.length > MAX_MONTHS) months = months.slice(months.length - MAX_MONTHS);
    const rows = await mapLimited(months, 3, async m => {
      const lo = f.from && f.from > m + '-01' ? f.from : m + '-01';
      const last = lastDayOfMonth(m);
      const hi = f.to && f.to < last ? f.to : last;
      const payers = await get('/api/summary', {by: 'payer', runId: f.runId, from: lo, to: hi});
      const sum = {month: m, findings: 0, under: 0, over: 0, denial: 0};
      for (const p of payers) {
        sum.findings += Number(p.findings);
        sum.under += cents(p.underpayment);
        sum.over += cents(p.overpayment);
        sum.denial += cents(p.denial);
      }
      return sum;
    });
    if (!ctx.isCurrent()) return;
    let shown = rows;
    if (!f.from) {
      const first = rows.findIndex(r => r.findings > 0);
      shown = first < 0 ? [] : rows.slice(first);
    }
    const tableRows = shown.map(r => ({
      month: r.month, findings: r.findings,
      underpayment: r.under / 100, overpayment: r.over / 100, denial: r.denial / 100,
      _c: r,
    }));
    replace(body,
      shown.length ? directionBars('Underpayment, overpayment and denial amounts by month of service',
        tableRows.map(r => r.month), tableRows) : h('p', {class: 'muted'}, 'No findings in this selection.'),
      sortableTable({id: 'table-month', caption: 'Findings and amounts by month of service', sortKey: 'month', descending: false,
        columns: [
          {key: 'month', label: 'Month'},
          {key: 'findings', label: 'Findings', type: 'number', render: r => count(r.findings)},
          {key: 'underpayment', label: 'Underpayment', type: 'number', render: r => moneyFromCents(r._c.under)},
          {key: 'overpayment', label: 'Overpayment', type: 'number', render: r => moneyFromCents(r._c.over)},
          {key: 'denial', label: 'Denial', type: 'number', render: r => moneyFromCents(r._c.denial)},
        ], rows: tableRows}));
  } catch (e) {
    if (!ctx.isCurrent()) return;
    replace(body, h('p', {class: 'error', role: 'alert'},
      'Could not load the months: ' + (e instanceof ApiError ? e.message : String(e))));
  }
}

async function mapLimited(items, limit, fn) {
  const out = new Array(items.length);
  let next = 0;
  async function worker() {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]);
    }
  }
  await Promise.all(Array.from({length: Math.min(limit, items.length)}, worker));
  return out;
}
