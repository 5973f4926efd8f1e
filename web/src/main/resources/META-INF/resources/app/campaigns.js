// Appeal campaigns (issue 7): the list of campaigns, and the button on the findings worklist that builds
// a campaign from the worklist's current filter (the filter lives in the URL, so what is built is what the
// auditor sees). Auditors build and change campaigns; finance reads them (the API answers 403 otherwise).
import {h, replace, sr} from './dom.js';
import {get, send, hasRole} from './api.js';
import {money, count, kindLabel, direction} from './format.js';
import {sortableTable} from './table.js';

/** Wire states of a campaign claim, in the order of the state machine (ClaimState on the server). */
export const STATES = ['draft', 'ready', 'submitted', 'won', 'partially_won', 'lost', 'withdrawn'];
const STATE_LABELS = {draft: 'Draft', ready: 'Ready', submitted: 'Submitted', won: 'Won', partially_won: 'Partially won',
  lost: 'Lost', withdrawn: 'Withdrawn'};

export function stateLabel(state) {
  return STATE_LABELS[state] || String(state || '—');
}

export function stateBadge(state) {
  return h('span', {class: 'badge state state-' + String(state).replace(/[^a-z_]/g, '')}, stateLabel(state));
}

/** Auditors (admins hold every role) change campaigns; everyone else who can read them only reads. */
export function canChangeCampaigns() {
  return hasRole('auditor');
}

export function canReadCampaigns() {
  return hasRole('auditor') || hasRole('finance');
}

/** "in 12 days", "due today", "3 days ago". */
export function daysText(daysLeft) {
  const n = Number(daysLeft);
  if (n === 0) return 'due today';
  if (n > 0) return 'in ' + count(n) + (n === 1 ? ' day' : ' days');
  return count(-n) + (n === -1 ? ' day' : ' days') + ' ago';
}

export function routeLabel(route) {
  return route ? String(route).replaceAll('_', ' ') : '';
}

/** "draft 4 · ready 2" (states with claims only). */
export function stateCounts(states) {
  const parts = STATES.filter(s => states && states[s] > 0).map(s => stateLabel(s).toLowerCase() + ' ' + count(states[s]));
  return parts.length ? parts.join(' · ') : 'no claims';
}

export function campaignHref(id) {
  return '#/campaign/' + encodeURIComponent(String(id));
}

// ---- the list -------------------------------------------------------------------------------------

export function renderCampaigns(ctx) {
  const {main, params} = ctx;
  const mine = params.get('owner') === 'me';
  ctx.title('Appeal campaigns');
  const alert = h('div', {role: 'alert', class: 'alert-slot'});
  const status = h('p', {class: 'muted', role: 'status', id: 'campaigns-status'}, 'Loading campaigns…');
  const results = h('div', {id: 'campaigns-results'});
  const mineBox = h('input', {type: 'checkbox', id: 'campaigns-mine', checked: mine});
  mineBox.addEventListener('change', () => ctx.navigate('/campaigns', {owner: mineBox.checked ? 'me' : ''}));
  const intro = canChangeCampaigns()
    ? h('p', {class: 'muted'}, 'To build a campaign, filter the ', h('a', {href: '#/worklist'}, 'findings worklist'),
      ' (payer, finding kind, provider, dates, amounts) and choose “Build campaign from this filter”.')
    : h('p', {class: 'muted', id: 'read-only-note'}, 'Read only: your role can see campaigns and download their packets, not change them.');
  replace(main, h('section', {class: 'campaigns', 'aria-labelledby': 'campaigns-title'},
    h('h1', {id: 'campaigns-title', tabindex: '-1'}, 'Appeal campaigns'),
    intro,
    h('p', {class: 'campaign-links'},
      h('span', {class: 'radio'}, mineBox, h('label', {for: 'campaigns-mine'}, 'Only my campaigns')),
      ' ', h('a', {href: '#/recovery', class: 'button-link'}, 'Recovery report')),
    alert, status, results));
  ctx.focusHeading();

  get('/api/campaigns', {owner: mine ? 'me' : ''}).then(list => {
    if (!ctx.isCurrent()) return;
    status.textContent = list.length
      ? count(list.length) + (list.length === 1 ? ' campaign' : ' campaigns') + ', newest first.'
      : (mine ? 'You own no campaigns yet.' : 'No campaigns yet.');
    if (list.length) replace(results, campaignsTable(list));
  }).catch(e => {
    if (!ctx.isCurrent()) return;
    status.textContent = '';
    replace(alert, h('p', {class: 'error'}, 'Could not load the campaigns: ' + e.message));
  });
}

function campaignsTable(list) {
  const rows = list.map(c => ({...c, payer: (c.filter && c.filter.payerId) || '',
    due: c.nextDeadline ? c.nextDeadline.due : '9999-12-31'}));
  return sortableTable({
    id: 'campaigns-table', caption: 'Appeal campaigns', sortKey: 'id', descending: true,
    columns: [
      {key: 'name', label: 'Campaign', render: c => [h('a', {href: campaignHref(c.id), class: 'campaign-link', dataset: {id: String(c.id)}}, c.name),
        h('span', {class: 'sub'}, c.filterDescription)]},
      {key: 'payer', label: 'Payer', render: c => c.payer || 'All payers'},
      {key: 'owner', label: 'Owner'},
      {key: 'claims', label: 'Claims', type: 'number', render: c => count(c.claims)},
      {key: 'amount', label: 'Amount', type: 'number', render: c => money(c.amount)},
      {key: 'recoverable', label: 'Recoverable', type: 'number', render: c => [money(c.recoverable),
        c.pastDeadlineClaims ? h('span', {class: 'sub'}, count(c.pastDeadlineClaims) + ' past deadline') : null]},
      {key: 'due', label: 'Nearest deadline', render: c => c.nextDeadline
        ? [h('span', {class: 'nowrap'}, c.nextDeadline.due), h('span', {class: 'sub'}, daysText(c.nextDeadline.daysLeft)
          + (c.nextDeadline.estimated ? ' (estimated)' : ''))]
        : h('span', {class: 'muted'}, 'none open')},
      {key: 'states', label: 'States', value: c => stateCounts(c.states), render: c => h('span', {class: 'state-counts'}, stateCounts(c.states))},
      {key: 'id', label: 'Id', type: 'number', render: c => String(c.id)},
    ],
    rows,
  });
}

// ---- "Build campaign from this filter" on the worklist ----------------------------------------------

/** Worklist URL parameter -> campaign filter field (POST /api/campaigns, contract section 8). */
const FILTER_FIELDS = ['runId', 'payerId', 'billingNpi', 'kind', 'direction', 'from', 'to', 'minAmount', 'maxAmount', 'remitStatus'];

export function campaignFilterFrom(params) {
  const filter = {};
  for (const k of FILTER_FIELDS) {
    const v = (params.get(k) || '').trim();
    if (v) filter[k] = v;
  }
  return filter;
}

export function defaultCampaignName(filter) {
  const parts = [filter.payerId || 'All payers'];
  if (filter.kind) parts.push(kindLabel(filter.kind));
  if (filter.direction) parts.push(direction(filter.direction));
  if (filter.billingNpi) parts.push('NPI ' + filter.billingNpi);
  if (filter.from || filter.to) parts.push((filter.from || '…') + ' to ' + (filter.to || '…'));
  if (filter.minAmount) parts.push('≥ $' + filter.minAmount);
  if (filter.maxAmount) parts.push('≤ $' + filter.maxAmount);
  if (filter.remitStatus) parts.push(filter.remitStatus === 'DENIED' ? 'Denied on remittance' : 'Remittance ' + filter.remitStatus);
  return parts.join(' · ').slice(0, 200);
}

/**
 * Adds the build form to the worklist view the router has just drawn (kept out of worklist.js). The
 * filter is read from the URL, i.e. the filter the list shows, not the form's unapplied edits.
 */
export function addBuildCampaign(ctx) {
  if (!canChangeCampaigns()) return;
  const section = ctx.main.querySelector('section');
  if (!section) return;
  const filter = campaignFilterFrom(ctx.params);
  const name = h('input', {id: 'campaign-name', name: 'campaign-name', maxlength: '200', required: true,
    value: defaultCampaignName(filter)});
  const button = h('button', {type: 'submit', class: 'primary', id: 'build-campaign'}, 'Build campaign from this filter');
  const message = h('p', {class: 'small', role: 'status', id: 'build-campaign-status'});
  const described = Object.keys(filter).length ? 'Filter: ' + describe(filter) + '.' : 'No filter: every claim with findings.';
  const form = h('form', {class: 'campaign-build', id: 'build-campaign-form', 'aria-labelledby': 'build-campaign-title'},
    h('h2', {id: 'build-campaign-title', class: 'small-heading'}, 'Appeal campaign'),
    h('p', {class: 'muted small', id: 'build-campaign-filter'}, described,
      ' One claim per matching claim; its letter explains the matching findings.'),
    h('div', {class: 'build-row'},
      h('div', {class: 'field'}, h('label', {for: 'campaign-name'}, 'Campaign name'), name),
      button),
    message);
  form.addEventListener('submit', async event => {
    event.preventDefault();
    if (!name.value.trim()) {
      message.textContent = 'Give the campaign a name.';
      name.focus();
      return;
    }
    button.disabled = true;
    message.textContent = 'Building the campaign…';
    try {
      const created = await send('POST', '/api/campaigns', {name: name.value.trim(), filter});
      ctx.navigate('/campaign/' + created.id, {});
    } catch (e) {
      message.textContent = 'Not built: ' + e.message;
      button.disabled = false;
    }
  });
  const anchor = section.querySelector('.filter-box') || section.querySelector('h1');
  if (anchor) anchor.after(form);
  else section.prepend(form);
}

function describe(filter) {
  const names = {runId: 'run', payerId: 'payer', billingNpi: 'billing NPI', kind: 'kind', direction: 'direction',
    from: 'from', to: 'to', minAmount: 'finding amount ≥', maxAmount: 'finding amount ≤'};
  return Object.entries(filter).map(([k, v]) => names[k] + ' ' + v).join(', ');
}

/** A screen reader hint for amounts left out of a total. */
export function leftOut(text) {
  return sr(' (' + text + ')');
}
