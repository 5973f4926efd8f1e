// Review list (issue 13): encounters whose drugs the recoder could not classify
// (GET /api/review/unclassified-drugs). No confident finding was made on those administrations; the billed
// administration code was kept. Filters: run, payer, billing NPI, dates of service; pages of 50.
import {h, replace, scrollRegion} from './dom.js';
import {get} from './api.js';
import {count} from './format.js';
import {runSelect, fillRuns, dateField} from './filters.js';

const KEYS = ['runId', 'payerId', 'billingNpi', 'from', 'to'];

export function renderReview(ctx) {
  const {main, params} = ctx;
  const filter = Object.fromEntries(KEYS.map(k => [k, params.get(k) || '']));
  const page = Math.max(0, parseInt(params.get('page') || '0', 10) || 0);
  ctx.title('Unclassified drugs');
  const run = runSelect('r-run', filter.runId);
  const payer = textField('r-payer', 'Payer', filter.payerId);
  const npi = textField('r-npi', 'Billing NPI', filter.billingNpi);
  const from = dateField('r-from', 'From (date of service)', filter.from);
  const to = dateField('r-to', 'To (date of service)', filter.to);
  const form = h('form', {class: 'filters', id: 'review-filters', 'aria-label': 'Review filters'},
    run.field, payer.field, npi.field, from.field, to.field,
    h('div', {class: 'actions'}, h('button', {type: 'submit', class: 'primary'}, 'Apply'),
      h('a', {href: '#/review', class: 'button-link'}, 'Reset')));
  form.addEventListener('submit', event => {
    event.preventDefault();
    ctx.navigate('/review', {runId: run.select.value, payerId: payer.input.value.trim(), billingNpi: npi.input.value.trim(),
      from: from.input.value, to: to.input.value});
  });
  const status = h('p', {class: 'muted', id: 'review-count', role: 'status'});
  const body = h('div', {id: 'review-body', 'aria-busy': 'true'});
  replace(main, h('section', {'aria-labelledby': 'review-title'},
    h('h1', {id: 'review-title', tabindex: '-1'}, 'Unclassified drugs to review'),
    h('p', {class: 'muted'}, 'Encounters with a drug the recoder could not classify. No finding was made on its '
      + 'administration and the billed administration code was kept: check the drug and the code by hand.'),
    form, status, body));
  ctx.focusHeading();
  get('/api/runs').then(runs => { if (ctx.isCurrent()) fillRuns(run.select, runs, filter.runId); }).catch(() => {});
  get('/api/review/unclassified-drugs', {...filter, page: String(page)}).then(r => {
    if (!ctx.isCurrent()) return;
    body.removeAttribute('aria-busy');
    status.textContent = count(r.total) + (r.total === 1 ? ' encounter' : ' encounters') + ' to review.';
    if (!r.items.length) {
      replace(body, h('p', {class: 'muted'}, 'Nothing to review for this filter.'));
      return;
    }
    const rows = [];
    for (const item of r.items) {
      item.drugs.forEach((d, i) => rows.push(h('tr', {'data-claim': item.claimId},
        h('td', {'data-label': 'Date of service'}, i === 0 ? item.dateOfService : ''),
        h('td', {'data-label': 'Claim'}, i === 0 ? h('a', {class: 'claim-link', href: '#/encounter/' + encodeURIComponent(item.claimId)
          + '?runId=' + encodeURIComponent(item.runId)}, item.claimId) : ''),
        h('td', {'data-label': 'Payer'}, i === 0 ? item.payerId : ''),
        h('td', {'data-label': 'Drug code', class: 'mono'}, d.drugCode || '—', d.drugName ? h('span', {class: 'sub'}, d.drugName) : null),
        h('td', {'data-label': 'NDC', class: 'mono'}, d.ndc || '—'),
        h('td', {'data-label': 'Reason', class: 'reason'}, d.reason || '—'))));
    }
    const nav = h('div', {class: 'pager'},
      page > 0 ? h('a', {href: '#/review' + qs(filter, page - 1), class: 'button-link', id: 'review-prev'}, 'Previous page') : null,
      r.nextPage != null ? h('a', {href: '#/review' + qs(filter, r.nextPage), class: 'button-link', id: 'review-next'}, 'Next page') : null);
    replace(body, scrollRegion('Unclassified drugs', h('table', {class: 'data worklist-table', id: 'review-table'},
      h('caption', {class: 'sr-only'}, 'Encounters with unclassified drugs'),
      h('thead', null, h('tr', null, ['Date of service', 'Claim', 'Payer', 'Drug code', 'NDC', 'Reason']
        .map(t => h('th', {scope: 'col'}, t)))),
      h('tbody', null, rows))), nav);
  }).catch(e => {
    if (!ctx.isCurrent()) return;
    body.removeAttribute('aria-busy');
    replace(body, h('p', {class: 'error', role: 'alert'}, 'Could not load the review list: ' + e.message));
  });
}

function qs(filter, page) {
  const p = new URLSearchParams();
  for (const k of KEYS) if (filter[k]) p.set(k, filter[k]);
  if (page) p.set('page', String(page));
  const s = p.toString();
  return s ? '?' + s : '';
}

function textField(id, label, value) {
  const input = h('input', {id, name: id, type: 'text', value: value || null, autocomplete: 'off'});
  return {input, field: h('div', {class: 'field'}, h('label', {for: id}, label), input)};
}
