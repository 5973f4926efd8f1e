// Finance overview: what miscoding costs, for a run and a date-of-service range. Every figure shown is
// a figure the API returned (GET /api/summary with by= month, code, drug; GET /api/runs for the run
// list); nothing is recomputed from findings.
import {h, replace, append} from './dom.js';
import {get, download, ApiError} from './api.js';
import {money, count, cents, kindLabel, remitStatusLabel} from './format.js';
import {sortableTable} from './table.js';
import {directionBars, amountBars, preloadCharts} from './charts.js';
import {runSelect, fillRuns, dateField} from './filters.js';

/** Months in the chart (the newest); the table holds every month the API returned. */
const CHART_MONTHS = 36;
/** Rows of the top codes and top drugs tables (the API's limit). */
const TOP = 10;

export function renderFinance(ctx) {
  const {main, params} = ctx;
  const filter = {runId: params.get('runId') || '', from: params.get('from') || '', to: params.get('to') || ''};
  ctx.title('Finance overview');

  const run = runSelect('f-run', filter.runId);
  const from = dateField('f-from', 'From (date of service)', filter.from);
  const to = dateField('f-to', 'To (date of service)', filter.to);
  const exportStatus = h('span', {class: 'muted', role: 'status', id: 'export-status'});
  const exportButton = h('button', {type: 'button', id: 'export-csv', class: 'secondary'}, 'Export findings as CSV');
  const xlsxButton = h('button', {type: 'button', id: 'export-xlsx', class: 'secondary'}, 'Findings (XLSX)');
  const summaryXlsxButton = h('button', {type: 'button', id: 'export-summary-xlsx', class: 'secondary'}, 'Summary (XLSX)');
  const remitsXlsxButton = h('button', {type: 'button', id: 'export-remits-xlsx', class: 'secondary'}, 'Remittances (XLSX)');
  const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  for (const [button, path, name] of [[xlsxButton, '/api/findings/export.xlsx', 'findings.xlsx'],
    [summaryXlsxButton, '/api/summary/export.xlsx', 'summary.xlsx'],
    [remitsXlsxButton, '/api/summary/remits/export.xlsx', 'remittances.xlsx']]) {
    button.addEventListener('click', async () => {
      button.disabled = true;
      exportStatus.textContent = 'Preparing ' + name + '…';
      try {
        const bytes = await download(path, filter, name, XLSX);
        exportStatus.textContent = 'Downloaded ' + name + ' (' + count(bytes) + ' bytes).';
      } catch (e) {
        exportStatus.textContent = 'Export failed: ' + e.message;
      } finally {
        button.disabled = false;
      }
    });
  }
  const form = h('form', {class: 'filters', id: 'finance-filters', 'aria-label': 'Finance filters'},
    run.field, from.field, to.field,
    h('div', {class: 'actions'},
      h('button', {type: 'submit', class: 'primary'}, 'Apply'),
      h('a', {href: '#/finance', class: 'button-link'}, 'Reset'),
      exportButton, xlsxButton, summaryXlsxButton, remitsXlsxButton,
      h('a', {href: '#/drill' + (filter.runId ? '?runId=' + encodeURIComponent(filter.runId) : ''), class: 'button-link', id: 'open-drill'}, 'Drill down'),
      exportStatus));
  form.addEventListener('submit', event => {
    event.preventDefault();
    ctx.navigate('/finance', {runId: run.select.value, from: from.input.value, to: to.input.value});
  });
  exportButton.addEventListener('click', async () => {
    exportButton.disabled = true;
    exportStatus.textContent = 'Preparing the CSV…';
    try {
      const bytes = await download('/api/findings/export.csv', {...filter, bom: 'true'}, csvName(filter));
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

  // Every request of the view and the chart library start together (first view time, issue 6 section 5);
  // the panels are drawn in their order once the summary is in.
  preloadCharts();
  get('/api/runs').then(runs => { if (ctx.isCurrent()) fillRuns(run.select, runs, filter.runId); }).catch(() => {});
  const months = settled(get('/api/summary', {by: 'month', runId: filter.runId, from: filter.from, to: filter.to}));
  const scope = {runId: filter.runId, from: filter.from, to: filter.to, limit: TOP};
  const top = settled(Promise.all([get('/api/summary', {by: 'code', ...scope}), get('/api/summary', {by: 'drug', ...scope})]));
  const remits = settled(get('/api/summary/remits', filter));
  get('/api/summary', filter)
    .then(summary => {
      if (!ctx.isCurrent()) return;
      drawTiles(tiles, summary, filter);
      drawRemittances(ctx, sections, remits);
      drawBreakdowns(sections, summary);
      drawMonths(ctx, sections, months);
      drawTop(ctx, sections, top);
    })
    .catch(e => {
      if (!ctx.isCurrent()) return;
      tiles.removeAttribute('aria-busy');
      replace(alert, h('p', {class: 'error'}, 'Could not load the summary: ' + e.message));
    });
}

/** A promise that is awaited later: marked handled now, so a failure before the summary is in is no console error. */
function settled(promise) {
  promise.catch(() => {});
  return promise;
}

function csvName(f) {
  return ['findings', f.runId, f.from, f.to].filter(Boolean).join('_').replace(/[^A-Za-z0-9_.-]/g, '-') + '.csv';
}

function scopeText(f) {
  const run = f.runId ? 'Run ' + f.runId : 'All loaded runs';
  const range = f.from || f.to ? ', dates of service ' + (f.from || 'start') + ' to ' + (f.to || 'end') : ', all dates of service';
  return run + range + '.';
}

function tile(id, label, value, note, tone) {
  return h('li', {class: 'tile' + (tone ? ' tone-' + tone : ''), id: 'tile-' + id},
    h('span', {class: 'tile-label'}, label),
    h('span', {class: 'tile-value', 'data-testid': 'tile-value'}, value),
    note ? h('span', {class: 'tile-note'}, note) : null);
}

/** Claims audited = the API's count of encounter results in the run(s), by date of service in the range. */
function drawTiles(tiles, s, f) {
  tiles.removeAttribute('aria-busy');
  const scope = (f.runId ? 'in run ' + f.runId : 'in all loaded runs') + (f.from || f.to ? ', in the date range' : '');
  replace(tiles,
    tile('underpayment', 'Underpayment', money(s.underpayment), 'paid less than correct coding earns', 'under'),
    tile('overpayment', 'Overpayment exposure', money(s.overpayment), 'recoupment risk on audit', 'over'),
    // issue 15: the rules' prediction and the payers' denials are separate figures under honest names
    tile('denial', 'Predicted denial exposure', money(s.predictedDenialExposure ?? s.denial),
      'predicted by the coding rules: what a payer would deny; not a payer\'s decision', 'denial'),
    remittanceTile(s.remittance),
    tile('findings', 'Findings', count(s.findings), null, null),
    // issue 14: findings whose correction moves no money (amount 0), counted apart from every money tile
    tile('compliance', 'Compliance findings', count(s.compliance ?? 0), 'coding to correct, no money moves', 'compliance'),
    tile('claims', 'Claims audited', s.claims === undefined ? '—' : count(s.claims), scope, null),
    s.recoverable ? tile('recoverable', 'Recoverable in time', money(s.recoverable.recoverable),
      'underpayment and predicted denials whose appeal deadline has not passed (estimated, as of ' + s.recoverable.asOf + '); '
      + money(s.recoverable.expired) + ' past deadline', 'under') : null);
}

const MONEY_COLUMNS = [
  {key: 'findings', label: 'Findings', type: 'number', render: r => count(r.findings)},
  {key: 'underpayment', label: 'Underpayment', type: 'number', render: r => money(r.underpayment)},
  {key: 'overpayment', label: 'Overpayment', type: 'number', render: r => money(r.overpayment)},
  {key: 'denial', label: 'Predicted denial', type: 'number', render: r => money(r.denial)},
];

/** Denials on remittance (X12 835): what payers denied, never added to the prediction. */
function remittanceTile(r) {
  if (!r) return null;
  if (!r.remittanceLines) return tile('remit-denied', 'Denied on remittance', '—', 'no remittances (835) loaded for this selection', 'remit');
  return tile('remit-denied', 'Denied on remittance', money(r.deniedOnRemittance.amount),
    count(r.deniedOnRemittance.lines) + ' of ' + count(r.remittanceLines) + ' remittance lines denied by the payers (expected value); '
    + money(r.paidBelowExpected.amount) + ' paid below expected on ' + count(r.paidBelowExpected.lines) + ' lines', 'remit');
}

/**
 * Denials on remittance by CARC and by payer (GET /api/summary/remits): the payers' decisions read from their 835s,
 * in a panel of its own beside (never mixed with) the predicted denial exposure of the findings.
 */
async function drawRemittances(ctx, sections, request) {
  const box = wideSection('remits', 'Denials on remittance (X12 835)', h('p', {class: 'muted', role: 'status'}, 'Loading the remittances…'));
  const body = box.querySelector('.split');
  append(sections, box);
  try {
    const s = await request;
    if (!ctx.isCurrent()) return;
    if (!s.remittanceLines) {
      replace(body, h('p', {class: 'muted', id: 'remits-none'}, 'No remittances (X12 835) are loaded for this selection: run the audit with --remits to see what payers denied.'));
      return;
    }
    const carcs = s.byCarc.map(r => ({...r, code: r.group + '-' + r.carc}));
    const payers = s.byPayer.map(r => ({...r, payer: r.payerId || ('not in the extract' + (r.remitPayerName ? ': ' + r.remitPayerName : ''))}));
    replace(body,
      h('p', {class: 'muted', id: 'remits-note'}, 'What the payers decided on their remittances: '
        + count(s.deniedOnRemittance.lines) + ' lines denied (' + money(s.deniedOnRemittance.amount) + ' expected value), '
        + count(s.paidBelowExpected.lines) + ' paid below expected (' + money(s.paidBelowExpected.amount) + ' short). '
        + 'Predicted denial exposure from the coding rules, shown apart: ' + money(s.predictedDenialExposure) + '.'),
      sortableTable({id: 'table-remit-cycle', caption: 'Remittance lines by revenue-cycle category', sortKey: 'lines',
        columns: [
          {key: 'category', label: 'Category', render: r => h('span', {title: r.remitStatus}, remitStatusLabel(r.remitStatus))},
          {key: 'lines', label: 'Lines', type: 'number', render: r => count(r.lines)},
          {key: 'paid', label: 'Paid', type: 'number', render: r => money(r.paid)},
          {key: 'amount', label: 'Unpaid vs expected', type: 'number', render: r => money(r.amount)},
        ], rows: s.revenueCycle}),
      sortableTable({id: 'table-remit-carc', caption: 'Adjusted remittance lines by claim adjustment reason code (group-CARC)', sortKey: 'amount',
        columns: [
          {key: 'code', label: 'Group-CARC', render: r => h('span', {class: 'mono'}, r.code)},
          {key: 'lines', label: 'Lines', type: 'number', render: r => count(r.lines)},
          {key: 'deniedLines', label: 'Denied lines', type: 'number', render: r => count(r.deniedLines)},
          {key: 'amount', label: 'Adjusted', type: 'number', render: r => money(r.amount)},
        ], rows: carcs}),
      sortableTable({id: 'table-remit-payer', caption: 'Denials on remittance by payer', sortKey: 'deniedAmount',
        columns: [
          {key: 'payer', label: 'Payer'},
          {key: 'deniedLines', label: 'Denied lines', type: 'number', render: r => count(r.deniedLines)},
          {key: 'deniedAmount', label: 'Denied', type: 'number', render: r => money(r.deniedAmount)},
          {key: 'paidBelowExpectedAmount', label: 'Paid below expected', type: 'number', render: r => money(r.paidBelowExpectedAmount)},
          {key: 'paid', label: 'Paid', type: 'number', render: r => money(r.paid)},
        ], rows: payers}));
  } catch (e) {
    if (!ctx.isCurrent()) return;
    replace(body, h('p', {class: 'error', role: 'alert'},
      'Could not load the remittances: ' + (e instanceof ApiError ? e.message : String(e))));
  }
}

function moved(r) {
  return cents(r.underpayment) + cents(r.overpayment) + cents(r.denial);
}

function section(id, title, ...content) {
  return h('section', {class: 'panel', id, 'aria-labelledby': id + '-title'},
    h('h2', {id: id + '-title'}, title), h('div', {class: 'split'}, ...content));
}

/** "Riverside Oncology (1234567893)", or the NPI alone when the extract named no provider. Painted or set as text only. */
function providerLabel(r) {
  return r.providerName ? shorten(r.providerName, 24) + ' (' + r.billingNpi + ')' : r.billingNpi;
}

/** A chart axis label of at most n characters (the table next to the chart holds the whole text). */
function shorten(text, n) {
  const s = String(text);
  return s.length > n ? s.slice(0, n - 1) + '…' : s;
}

/** A panel whose charts and tables take the whole width, one under the other (tables with many columns). */
function wideSection(id, title, ...content) {
  const box = section(id, title, ...content);
  box.querySelector('.split').classList.add('stacked');
  return box;
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
    wideSection('by-provider', 'By billing provider',
      topProviders.length ? directionBars('Amounts by billing provider (the ' + topProviders.length + ' largest)',
        topProviders.map(providerLabel), topProviders, {horizontal: true}) : null,
      sortableTable({id: 'table-provider', caption: 'Findings and amounts by billing provider', sortKey: 'underpayment',
        columns: [
          {key: 'billingNpi', label: 'Billing NPI'},
          {key: 'providerName', label: 'Provider name', render: r => h('span', {class: 'provider-name'}, r.providerName || '—')},
          ...MONEY_COLUMNS], rows: providers})),
    section('by-kind', 'By finding kind',
      kinds.length ? amountBars('Amount by finding kind', kindsByAmount.map(r => kindLabel(r.kind)),
        kindsByAmount.map(r => r.amount)) : null,
      sortableTable({id: 'table-kind', caption: 'Findings and amount by finding kind', sortKey: 'amount',
        columns: [
          {key: 'kind', label: 'Finding kind', render: r => h('span', {title: r.kind}, kindLabel(r.kind))},
          {key: 'findings', label: 'Findings', type: 'number', render: r => count(r.findings)},
          {key: 'amount', label: 'Amount', type: 'number', render: r => money(r.amount)},
          {key: 'compliance', label: 'No money moves', type: 'number', render: r => count(r.compliance ?? 0)},
        ], rows: kinds})));
}

/** By month of service: the API's rows (GET /api/summary?by=month), one per month with findings. */
async function drawMonths(ctx, sections, request) {
  const box = section('by-month', 'By month of service', h('p', {class: 'muted', role: 'status'}, 'Loading the months…'));
  const body = box.querySelector('.split');
  sections.prepend(box);
  try {
    const rows = await request;
    if (!ctx.isCurrent()) return;
    const charted = rows.slice(Math.max(0, rows.length - CHART_MONTHS));
    replace(body,
      rows.length ? directionBars('Underpayment, overpayment and denial amounts by month of service'
          + (charted.length < rows.length ? ' (the newest ' + charted.length + ' months)' : ''),
        charted.map(r => r.month), charted) : h('p', {class: 'muted'}, 'No findings in this selection.'),
      sortableTable({id: 'table-month', caption: 'Findings and amounts by month of service', sortKey: 'month', descending: false,
        columns: [{key: 'month', label: 'Month'}, ...MONEY_COLUMNS], rows}));
  } catch (e) {
    if (!ctx.isCurrent()) return;
    replace(body, h('p', {class: 'error', role: 'alert'},
      'Could not load the months: ' + (e instanceof ApiError ? e.message : String(e))));
  }
}

/** "96372 → 96401"; a side without a line (a missing or an unsupported line) reads "none". */
function codePair(r) {
  return (r.billedCode || 'none') + ' → ' + (r.expectedCode || 'none');
}

const TOP_COLUMNS = [
  ...MONEY_COLUMNS,
  {key: 'amount', label: 'Total', type: 'number', render: r => money(r.amount)},
];

/** Top codes and drugs by money moved: GET /api/summary?by=code|drug&limit=, largest first. */
async function drawTop(ctx, sections, request) {
  const box = wideSection('top-codes', 'Top codes and drugs', h('p', {class: 'muted', role: 'status'}, 'Loading the codes and drugs…'));
  const body = box.querySelector('.split');
  append(sections, box);
  try {
    const [codes, drugs] = await request;
    if (!ctx.isCurrent()) return;
    const codeRows = codes.map(r => ({...r, pair: codePair(r)}));
    const drugRows = drugs.map(r => ({...r, label: r.drugName ? r.drugCode + ' ' + shorten(r.drugName, 24) : r.drugCode}));
    replace(body,
      codeRows.length ? directionBars('Amounts by billed and expected code (the ' + codeRows.length + ' largest)',
        codeRows.map(r => r.pair), codeRows, {horizontal: true}) : null,
      sortableTable({id: 'table-code', caption: 'The ' + TOP + ' code pairs (billed → expected) that move the most money',
        sortKey: 'amount', columns: [
          {key: 'pair', label: 'Billed → expected code', render: r => h('span', {class: 'code-pair'}, r.pair)},
          ...TOP_COLUMNS], rows: codeRows}),
      drugRows.length ? directionBars('Amounts by drug (the ' + drugRows.length + ' largest)',
        drugRows.map(r => r.label), drugRows, {horizontal: true}) : null,
      sortableTable({id: 'table-drug', caption: 'The ' + TOP + ' drugs whose lines move the most money (drug-line findings: units, waste modifiers, combination products)',
        sortKey: 'amount', columns: [
          {key: 'drugCode', label: 'Drug code'},
          {key: 'drugName', label: 'Drug', render: r => r.drugName || '—'},
          ...TOP_COLUMNS], rows: drugRows}));
  } catch (e) {
    if (!ctx.isCurrent()) return;
    replace(body, h('p', {class: 'error', role: 'alert'},
      'Could not load the codes and drugs: ' + (e instanceof ApiError ? e.message : String(e))));
  }
}
