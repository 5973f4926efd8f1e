// The auditors' findings worklist: filters live in the URL (share the link, the colleague sees the same
// list), pages follow the API's keyset cursor (GET /api/findings ... &cursor=nextCursor).
import {h, replace, sr, scrollRegion} from './dom.js';
import {get, query} from './api.js';
import {money, kindLabel, direction, count, REMIT_STATUSES, remitStatusLabel} from './format.js';
import {runSelect, fillRuns, selectField, fillOptions, dateField, amountField} from './filters.js';
import {statusLabel} from './status.js';

export const FILTER_KEYS = ['runId', 'payerId', 'billingNpi', 'kind', 'direction', 'from', 'to', 'minAmount', 'maxAmount', 'remitStatus'];
const PAGE_SIZE = 50;
// Contract section 4: the kinds that must exist; kinds present in the loaded findings are added.
const CONTRACT_KINDS = ['DOWNCODED_TO_96372', 'HORMONAL_CLASS_MISMATCH', 'NON_CHEMO_BILLED_AS_CHEMO',
  'CHEMO_BILLED_AS_THERAPEUTIC', 'DUPLICATE_INITIAL', 'ADDON_WITHOUT_PRIMARY', 'INFUSION_HOURS',
  'COMBINATION_PRODUCT_SPLIT', 'DRUG_UNITS', 'WASTE_MODIFIER', 'MISSING_ADMINISTRATION', 'MISSING_DISTINCT_MODIFIER'];
export const LAST_WORKLIST_KEY = 'oncoaudit.worklist';

// The cursors of the pages before this one, for "Previous page" (keyset paging only goes forward).
let trail = {filterKey: null, cursors: []};
// The control to focus once the re-rendered view is in place (the old one was replaced).
let pendingFocus = null;

export function renderWorklist(ctx) {
  const {main, params} = ctx;
  const filter = {};
  for (const k of FILTER_KEYS) filter[k] = params.get(k) || '';
  const cursor = params.get('cursor') || '';
  // another order than newest first (sort, group) pages by number: the API's keyset cursor is for the default order
  const order = {sort: params.get('sort') || '', group: params.get('group') || ''};
  const sorted = !!(order.sort && order.sort !== 'date') || !!order.group;
  const page = Math.max(0, Number(params.get('page')) || 0);
  const filterKey = JSON.stringify(filter);
  if (trail.filterKey !== filterKey) trail = {filterKey, cursors: []};
  if (!cursor) trail.cursors = [];
  sessionStorage.setItem(LAST_WORKLIST_KEY, location.hash);
  ctx.title('Findings worklist');

  const run = runSelect('w-run', filter.runId);
  const payer = selectField('w-payer', 'Payer', filter.payerId, []);
  const provider = selectField('w-provider', 'Billing provider (NPI)', filter.billingNpi, []);
  const kind = selectField('w-kind', 'Finding kind', filter.kind, kindOptions([]));
  const dir = selectField('w-direction', 'Direction', filter.direction,
    ['UNDERPAYMENT', 'OVERPAYMENT', 'DENIAL', 'COMPLIANCE'].map(d => ({value: d, label: direction(d)})));
  const from = dateField('w-from', 'From (date of service)', filter.from);
  const to = dateField('w-to', 'To (date of service)', filter.to);
  const min = amountField('w-min', 'Amount at least ($)', filter.minAmount);
  const max = amountField('w-max', 'Amount at most ($)', filter.maxAmount);
  // what the payer's remittance (X12 835) did with the finding's line: a payer's decision, not a prediction
  const remit = selectField('w-remit', 'On the remittance', filter.remitStatus,
    REMIT_STATUSES.map(s => ({value: s, label: remitStatusLabel(s)})), 'Any (or none loaded)');
  const sortBy = selectField('w-sort', 'Sort by', order.sort,
    [{value: 'amount', label: 'Amount, largest first'}, {value: 'payer', label: 'Payer, A to Z'}], 'Date of service, newest first');
  const groupBy = selectField('w-group', 'Group by', order.group,
    [{value: 'kind', label: 'Finding kind'}, {value: 'provider', label: 'Billing provider'}], 'No grouping');
  const form = h('form', {class: 'filters', id: 'worklist-filters', 'aria-label': 'Worklist filters'},
    run.field, payer.field, provider.field, kind.field, dir.field, from.field, to.field, min.field, max.field, remit.field,
    sortBy.field, groupBy.field,
    h('div', {class: 'actions'},
      h('button', {type: 'submit', class: 'primary', id: 'apply-filters'}, 'Apply filters'),
      h('a', {href: '#/worklist', class: 'button-link'}, 'Clear')));
  form.addEventListener('submit', event => {
    event.preventDefault();
    pendingFocus = 'worklist-status';
    ctx.navigate('/worklist', {
      runId: run.select.value, payerId: payer.select.value, billingNpi: provider.select.value,
      kind: kind.select.value, direction: dir.select.value, from: from.input.value, to: to.input.value,
      minAmount: min.input.value, maxAmount: max.input.value, remitStatus: remit.select.value,
      sort: sortBy.select.value, group: groupBy.select.value,
    });
  });

  const alert = h('div', {role: 'alert', class: 'alert-slot'});
  const status = h('p', {class: 'muted', role: 'status', id: 'worklist-status', tabindex: '-1'}, 'Loading findings…');
  const results = h('div', {id: 'worklist-results'});
  const pager = h('nav', {class: 'pager', 'aria-label': 'Pages'});
  // On a phone the filters fold away behind their summary so the list comes first.
  const active = FILTER_KEYS.filter(k => filter[k]).length;
  const filterBox = h('details', {class: 'filter-box', open: !window.matchMedia('(max-width: 640px)').matches},
    h('summary', null, 'Filters' + (active ? ' (' + active + ' active)' : '')), form);
  replace(main, h('section', {class: 'worklist', 'aria-labelledby': 'worklist-title'},
    h('h1', {id: 'worklist-title', tabindex: '-1'}, 'Findings worklist'),
    filterBox, alert, status, results, pager));
  ctx.focusHeading();

  get('/api/runs').then(runs => { if (ctx.isCurrent()) fillRuns(run.select, runs, filter.runId); }).catch(() => {});
  get('/api/summary', {runId: filter.runId}).then(s => {
    if (!ctx.isCurrent()) return;
    fillOptions(payer.select, (s.byPayer || []).map(r => ({value: r.payerId, label: r.payerId})), filter.payerId);
    fillOptions(provider.select, (s.byProvider || []).map(r => ({value: r.billingNpi,
      label: r.providerName ? r.billingNpi + ' · ' + r.providerName : r.billingNpi})), filter.billingNpi);
    fillOptions(kind.select, kindOptions((s.byKind || []).map(r => r.kind)), filter.kind);
  }).catch(() => {});

  const size = Number(params.get('size')) || PAGE_SIZE;
  const request = sorted ? {...filter, ...order, page, size} : {...filter, cursor, size};
  get('/api/findings', request).then(answer => {
    if (!ctx.isCurrent()) return;
    const first = (sorted ? page : trail.cursors.length) * size + 1;
    const more = sorted ? answer.nextPage != null : !!answer.nextCursor;
    status.textContent = answer.items.length
      ? 'Findings ' + count(first) + '–' + count(first + answer.items.length - 1) + (more ? '' : ' (last page)') + ', ' + orderText(order) + '.'
      : (cursor || page ? 'No more findings.' : 'No findings match these filters.');
    replace(results, answer.items.length ? findingsTable(answer.items, order) : null);
    if (sorted) drawPagePager(ctx, pager, {...filter, ...order}, page, more, size);
    else drawPager(ctx, pager, filter, cursor, answer.nextCursor, size);
    restoreFocus();
  }).catch(e => {
    if (!ctx.isCurrent()) return;
    status.textContent = '';
    replace(alert, h('p', {class: 'error'}, 'Could not load the findings: ' + e.message));
    restoreFocus();
  });
}

function orderText(order) {
  const sort = {amount: 'largest amount first', payer: 'by payer'}[order.sort] || 'newest first';
  const group = {kind: 'grouped by finding kind', provider: 'grouped by billing provider'}[order.group];
  return group ? group + ', ' + sort : sort;
}

/** Pages by number (sorted or grouped lists). */
function drawPagePager(ctx, pager, base, page, more, size) {
  const keep = {...base, size: size === PAGE_SIZE ? '' : size};
  const prev = h('button', {type: 'button', class: 'secondary', id: 'prev-page', disabled: page === 0}, '← Previous page');
  const next = h('button', {type: 'button', class: 'secondary', id: 'next-page', disabled: !more}, 'Next page →');
  prev.addEventListener('click', () => { pendingFocus = 'prev-page'; ctx.navigate('/worklist', {...keep, page: page - 1 || ''}); });
  next.addEventListener('click', () => { pendingFocus = 'next-page'; ctx.navigate('/worklist', {...keep, page: page + 1}); });
  replace(pager, prev, next);
}

function restoreFocus() {
  if (!pendingFocus) return;
  const el = document.getElementById(pendingFocus);
  pendingFocus = null;
  if (el && !el.disabled) el.focus();
  else document.getElementById('worklist-status')?.focus();
}

function kindOptions(present) {
  const all = [...new Set([...CONTRACT_KINDS, ...present])].sort();
  return all.map(k => ({value: k, label: kindLabel(k)}));
}

export function encounterHref(claimId, runId) {
  return '#/encounter/' + encodeURIComponent(claimId) + query({runId});
}

function findingsTable(items, order = {}) {
  const table = h('table', {class: 'data worklist-table', id: 'findings-table'},
    h('caption', {class: 'sr-only'}, 'Findings, newest date of service first'),
    h('thead', null, h('tr', null,
      ['Date of service', 'Claim', 'Patient', 'Payer', 'Provider', 'Kind', 'Billed → expected', 'Direction', 'Amount', 'Remittance', 'Status']
        .map(t => h('th', {scope: 'col', class: t === 'Amount' ? 'num' : null}, t)))),
    h('tbody', null, items.flatMap((r, i) => [groupRow(items, i, order),
      h('tr', {dataset: {claim: r.claimId, index: String(r.findingIndex)}},
      h('td', {class: 'nowrap', 'data-label': 'Date of service'}, r.dateOfService),
      h('th', {scope: 'row', 'data-label': 'Claim'}, h('a', {href: encounterHref(r.claimId, r.runId), class: 'claim-link'},
        r.claimId, sr(', finding ' + (r.findingIndex + 1)))),
      h('td', {class: 'patient', 'data-label': 'Patient'}, r.patientId ?? '—'),
      h('td', {class: 'payer', 'data-label': 'Payer'}, r.payerId, r.payerName ? h('span', {class: 'sub'}, r.payerName) : null),
      h('td', {class: 'provider', 'data-label': 'Provider'}, h('span', {class: 'provider-name'}, r.providerName || '—'), h('span', {class: 'sub'}, 'NPI ' + r.billingNpi)),
      h('td', {'data-label': 'Kind'}, h('span', {title: r.kind}, kindLabel(r.kind))),
      h('td', {class: 'nowrap', 'data-label': 'Codes'}, codePair(r)),
      h('td', {'data-label': 'Direction'}, h('span', {class: 'badge dir-' + String(r.direction).toLowerCase()}, direction(r.direction))),
      h('td', {class: 'num', 'data-label': 'Amount'}, r.direction === 'COMPLIANCE'
        ? h('span', {class: 'no-money'}, 'no money moves') : money(r.amount)),
      h('td', {class: 'remit', 'data-label': 'Remittance'}, remitCell(r.remittance)),
      h('td', {'data-label': 'Status'}, statusLabel(r.status)))])));
  return scrollRegion('Findings', table);
}

/** A heading row where a new group starts (group=kind|provider). */
function groupRow(items, i, order) {
  if (!order.group) return null;
  const key = r => order.group === 'kind' ? r.kind : r.billingNpi;
  if (i > 0 && key(items[i - 1]) === key(items[i])) return null;
  const r = items[i];
  const label = order.group === 'kind' ? kindLabel(r.kind) : (r.providerName ? r.providerName + ' (NPI ' + r.billingNpi + ')' : 'NPI ' + r.billingNpi);
  return h('tr', {class: 'group-row'}, h('th', {colspan: '11', scope: 'colgroup', class: 'group-heading'}, label));
}

/** The payer's answer on the remittance: status, paid, adjustment codes (CARC with group) and remarks (RARC). */
function remitCell(m) {
  if (!m) return h('span', {class: 'muted'}, '—');
  if (!m.status) return h('span', {class: 'muted'}, 'No line on the remittance');
  const codes = [...(m.adjustments || []).map(a => (a.group ? a.group + '-' : '') + a.carc), ...(m.rarc || [])].join(', ');
  return [h('span', {class: 'badge remit-' + String(m.status).toLowerCase()}, remitStatusLabel(m.status)),
    h('span', {class: 'sub'}, 'paid ' + money(m.paid) + (codes ? ' · ' + codes : ''))];
}

function codePair(r) {
  const billed = r.billedCode ? r.billedCode + (r.billedUnits != null ? ' ×' + r.billedUnits : '') : 'not billed';
  const expected = r.expectedCode ? r.expectedCode + (r.expectedUnits != null ? ' ×' + r.expectedUnits : '') : 'none';
  return [billed, ' → ', expected];
}

function drawPager(ctx, pager, filter, cursor, nextCursor, size) {
  const base = {...filter, size: size === PAGE_SIZE ? '' : size};
  const prev = h('button', {type: 'button', class: 'secondary', id: 'prev-page', disabled: !cursor}, '← Previous page');
  const next = h('button', {type: 'button', class: 'secondary', id: 'next-page', disabled: !nextCursor}, 'Next page →');
  prev.addEventListener('click', () => {
    const back = trail.cursors.pop() || '';
    pendingFocus = 'prev-page';
    ctx.navigate('/worklist', {...base, cursor: back});
  });
  next.addEventListener('click', () => {
    trail.cursors.push(cursor);
    pendingFocus = 'next-page';
    ctx.navigate('/worklist', {...base, cursor: nextCursor});
  });
  replace(pager, prev, next);
}
