// The recovery report (issue 7): identified -> in campaigns -> appealed -> recovered, by payer, over every
// loaded audit (GET /api/campaigns/recovery) or one campaign (?campaignId= -> /api/campaigns/{id}/recovery).
// Every figure is the API's; the bars only draw them.
import {h, replace} from './dom.js';
import {get, download} from './api.js';
import {money, count, cents} from './format.js';
import {sortableTable} from './table.js';
import {campaignHref} from './campaigns.js';

/** The whole report (every campaign, each claim once) as an Excel workbook. */
function xlsxButton() {
  const note = h('span', {class: 'muted', role: 'status', id: 'recovery-export-status'});
  const button = h('button', {type: 'button', class: 'secondary', id: 'recovery-xlsx'}, 'Recovery report (XLSX)');
  button.addEventListener('click', async () => {
    button.disabled = true;
    note.textContent = 'Preparing recovery.xlsx…';
    try {
      const bytes = await download('/api/campaigns/recovery.xlsx', null, 'recovery.xlsx',
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      note.textContent = 'Downloaded recovery.xlsx (' + count(bytes) + ' bytes).';
    } catch (e) {
      note.textContent = 'Export failed: ' + e.message;
    } finally {
      button.disabled = false;
    }
  });
  return h('div', {class: 'actions'}, button, note);
}

export function renderRecovery(ctx) {
  const {main, params} = ctx;
  const campaignId = params.get('campaignId') || '';
  const valid = campaignId === '' || /^\d+$/.test(campaignId);
  ctx.title('Recovery report');
  const alert = h('div', {role: 'alert', class: 'alert-slot'});
  const status = h('p', {class: 'muted', role: 'status', id: 'recovery-status'}, 'Loading the report…');
  const body = h('div', {id: 'recovery-body'});
  replace(main, h('section', {class: 'recovery', 'aria-labelledby': 'recovery-title'},
    campaignId && valid ? h('a', {href: campaignHref(campaignId), class: 'back-link'}, '← Campaign ' + campaignId)
      : h('a', {href: '#/campaigns', class: 'back-link'}, '← Campaigns'),
    h('h1', {id: 'recovery-title', tabindex: '-1'}, 'Recovery report' + (campaignId && valid ? ': campaign ' + campaignId : '')),
    h('p', {class: 'muted'}, campaignId
      ? 'Identified: the campaign\'s claims (underpayments and denials asked back). '
      : 'Identified: underpayments and denials in every loaded audit. In campaigns: the part put into appeal campaigns. ',
    'Appealed: sent to the payer. Recovered: paid back. Recoverable leaves out claims past their deadline and closed claims.'),
    campaignId ? null : xlsxButton(),
    alert, status, body));
  ctx.focusHeading();
  if (!valid) {
    status.textContent = '';
    replace(alert, h('p', {class: 'error'}, 'campaignId must be a number.'));
    return;
  }
  get(campaignId ? '/api/campaigns/' + campaignId + '/recovery' : '/api/campaigns/recovery').then(report => {
    if (!ctx.isCurrent()) return;
    status.textContent = 'As of ' + report.asOf + '; ' + count(report.byPayer.length) + (report.byPayer.length === 1 ? ' payer.' : ' payers.');
    draw(body, report);
  }).catch(e => {
    if (!ctx.isCurrent()) return;
    status.textContent = '';
    replace(alert, h('p', {class: 'error'}, 'Could not load the report: ' + e.message));
  });
}

function tile(id, label, value, note) {
  return h('li', {class: 'tile', id: 'tile-' + id},
    h('span', {class: 'tile-label'}, label),
    h('span', {class: 'tile-value'}, value),
    note ? h('span', {class: 'tile-note'}, note) : null);
}

function claims(n) {
  return count(n) + (Number(n) === 1 ? ' claim' : ' claims');
}

function findings(n) {
  return count(n) + (Number(n) === 1 ? ' finding' : ' findings');
}

function rate(r) {
  return r.recoveryRate == null ? '—' : (Number(r.recoveryRate) * 100).toFixed(1) + '%';
}

/** The funnel of one payer as three bars scaled to its identified amount (text carries the numbers). */
function funnel(r) {
  const top = Math.max(cents(r.identified), cents(r.inCampaigns), 1);
  const bar = (cls, amount, label) => h('span', {class: 'funnel-bar ' + cls, title: label + ' ' + money(amount),
    style: null, dataset: {width: String(Math.round(100 * cents(amount) / top))}});
  const el = h('span', {class: 'funnel', 'aria-hidden': 'true'},
    bar('f-identified', r.identified, 'Identified'), bar('f-appealed', r.appealed, 'Appealed'), bar('f-recovered', r.recovered, 'Recovered'));
  // widths through the CSSOM (no inline style attribute: the page's CSP has no 'unsafe-inline' styles)
  for (const b of el.children) b.style.width = b.dataset.width + '%';
  return el;
}

function draw(body, report) {
  const t = report.total;
  const tiles = h('ul', {class: 'tiles', id: 'recovery-tiles'},
    tile('identified', 'Identified', money(t.identified), findings(t.identifiedFindings)),
    tile('in-campaigns', 'In campaigns', money(t.inCampaigns), claims(t.campaignClaims)),
    tile('appealed', 'Appealed', money(t.appealed), claims(t.appealedClaims) + ' sent'),
    tile('recovered', 'Recovered', money(t.recovered), 'recovery rate ' + rate(t)),
    tile('recoverable', 'Still recoverable', money(t.recoverable),
      claims(t.pastDeadlineClaims) + ' past deadline (' + money(t.pastDeadline) + ') left out'));
  const table = sortableTable({
    id: 'recovery-table', caption: 'Identified, appealed and recovered amounts by payer', sortKey: 'identified',
    columns: [
      {key: 'payerId', label: 'Payer'},
      {key: 'identified', label: 'Identified', type: 'number', render: r => [money(r.identified), h('span', {class: 'sub'}, findings(r.identifiedFindings))]},
      {key: 'inCampaigns', label: 'In campaigns', type: 'number', render: r => [money(r.inCampaigns), h('span', {class: 'sub'}, claims(r.campaignClaims))]},
      {key: 'appealed', label: 'Appealed', type: 'number', render: r => [money(r.appealed), h('span', {class: 'sub'}, claims(r.appealedClaims))]},
      {key: 'recovered', label: 'Recovered', type: 'number', render: r => money(r.recovered)},
      {key: 'recoveryRate', label: 'Rate', type: 'number', render: rate},
      {key: 'outcomes', label: 'Pending / won / partial / lost / withdrawn', value: r => r.pending,
        render: r => [r.pending, r.won, r.partiallyWon, r.lost, r.withdrawn].map(n => count(n)).join(' / ')},
      {key: 'pastDeadline', label: 'Past deadline', type: 'number', render: r => [money(r.pastDeadline), h('span', {class: 'sub'}, claims(r.pastDeadlineClaims))]},
      {key: 'recoverable', label: 'Recoverable', type: 'number', render: r => money(r.recoverable)},
      {key: 'funnel', label: 'Identified → appealed → recovered', value: r => cents(r.recovered), render: funnel},
    ],
    rows: report.byPayer,
  });
  replace(body, tiles, h('section', {class: 'panel', 'aria-labelledby': 'recovery-by-payer'},
    h('h2', {id: 'recovery-by-payer'}, 'By payer'), table,
    h('p', {class: 'muted small legend'},
      h('span', {class: 'key f-identified'}, 'identified'), h('span', {class: 'key f-appealed'}, 'appealed'),
      h('span', {class: 'key f-recovered'}, 'recovered'))));
}
