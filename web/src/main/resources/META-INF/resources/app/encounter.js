// One encounter's evidence (GET /api/encounters/{claimId}?runId=): billed and expected lines side by
// side with the differences marked, the administrations as a time line, and each finding with its
// rule, explanation, citations and appeal text. Auditors only (the API answers 403 to finance).
import {h, replace, scrollRegion} from './dom.js';
import {get} from './api.js';
import {money, unitCount, kindLabel, direction, price, remitStatusLabel} from './format.js';
import {timeline} from './timeline.js';
import {statusBlock} from './status.js';
import {LAST_WORKLIST_KEY} from './worklist.js';

export function renderEncounter(ctx) {
  const {main, params, segments} = ctx;
  const claimId = segments[1] || '';
  const runId = params.get('runId') || '';
  ctx.title('Claim ' + claimId);
  const back = h('a', {href: sessionStorage.getItem(LAST_WORKLIST_KEY) || '#/worklist', class: 'back-link'}, '← Back to the worklist');
  const body = h('div', {id: 'encounter-body'}, h('p', {class: 'muted', role: 'status'}, 'Loading the claim…'));
  replace(main, h('section', {class: 'encounter', 'aria-labelledby': 'encounter-title'},
    back,
    h('h1', {id: 'encounter-title', tabindex: '-1'}, 'Claim ', h('span', {class: 'mono'}, claimId)),
    body));
  ctx.focusHeading();

  get('/api/encounters/' + encodeURIComponent(claimId), {runId}).then(e => {
    if (!ctx.isCurrent()) return;
    replace(body,
      header(e),
      section('lines', 'Billed and expected lines', linesComparison(e), billedDetails(e)),
      section('remittance', 'Remittance (X12 835)', remittance(e)),
      section('administrations', 'Administrations', timeline(e.administrations)),
      section('findings', 'Findings (' + (e.findings || []).length + ')', findingsList(e)),
      warnings(e));
  }).catch(err => {
    if (!ctx.isCurrent()) return;
    replace(body, h('p', {class: 'error', role: 'alert'}, 'Could not load claim ' + claimId + ': ' + err.message));
  });
}

function section(id, title, ...content) {
  return h('section', {class: 'panel', id: 'enc-' + id, 'aria-labelledby': 'enc-' + id + '-title'},
    h('h2', {id: 'enc-' + id + '-title'}, title), ...content);
}

function item(term, ...value) {
  return h('div', {class: 'kv'}, h('dt', null, term), h('dd', null, ...value));
}

function header(e) {
  const diagnoses = Array.isArray(e.diagnosisCodes) ? e.diagnosisCodes.join(', ') : String(e.diagnosisCodes ?? '');
  return h('dl', {class: 'facts', id: 'encounter-facts'},
    item('Patient', h('span', {class: 'mono', id: 'patient-id'}, e.patientId ?? '—')),
    item('Date of service', e.dateOfService),
    item('Run', e.runId),
    item('Payer', e.payerName ? e.payerName + ' (' + e.payerId + ')' : e.payerId),
    item('Billing provider', h('span', {id: 'provider-name'}, e.providerName || '—'), h('span', {class: 'sub'}, 'NPI ' + e.billingNpi)),
    e.renderingNpi && e.renderingNpi !== e.billingNpi ? item('Rendering NPI', e.renderingNpi) : null,
    item('Place of service', e.placeOfService ?? '—'),
    item('Diagnoses', diagnoses || '—'),
    item('Billed (fee schedule)', money(e.billedAmount)),
    item('Expected (fee schedule)', money(e.expectedAmount)),
    item('Net impact', h('strong', null, money(e.netImpact))));
}

function modifiers(list) {
  return Array.isArray(list) && list.length ? list.join(', ') : '—';
}

function sameModifiers(a, b) {
  const x = Array.isArray(a) ? [...a].sort() : [];
  const y = Array.isArray(b) ? [...b].sort() : [];
  return x.length === y.length && x.every((v, i) => v === y[i]);
}

function linesComparison(e) {
  const rows = Array.isArray(e.lineComparison) ? e.lineComparison : [];
  if (!rows.length) return h('p', {class: 'muted'}, 'No lines.');
  const table = h('table', {class: 'data compare', id: 'lines-table'},
    h('caption', null, 'Billed and expected lines by procedure code; differences are marked ≠.'),
    h('thead', null,
      h('tr', null,
        h('td', {class: 'blank'}),
        h('th', {scope: 'colgroup', colspan: '3', class: 'group billed'}, 'Billed'),
        h('th', {scope: 'colgroup', colspan: '2', class: 'group expected'}, 'Expected'),
        h('td', {class: 'blank'})),
      h('tr', null,
        ['Code', 'Lines', 'Units', 'Modifiers', 'Units', 'Modifiers', 'Result'].map((t, i) =>
          h('th', {scope: 'col', class: (i === 2 || i === 4 ? 'num' : '') + (i === 4 ? ' col-split' : '')}, t)))),
    h('tbody', null, rows.map(r => {
      const billedUnits = Number(r.billedUnits || 0);
      const expectedUnits = Number(r.expectedUnits || 0);
      const unitsDiffer = billedUnits !== expectedUnits;
      const modsDiffer = !sameModifiers(r.billedModifiers, r.expectedModifiers);
      const differs = r.match === false || unitsDiffer || modsDiffer;
      const lines = Array.isArray(r.billedLineNumbers) && r.billedLineNumbers.length ? r.billedLineNumbers.join(', ') : 'not billed';
      return h('tr', {class: differs ? 'differs' : 'matches', dataset: {code: r.procedureCode}},
        h('th', {scope: 'row', class: 'mono'}, r.procedureCode),
        h('td', null, lines),
        h('td', {class: 'num' + (unitsDiffer ? ' diff' : '')}, unitCount(billedUnits)),
        h('td', {class: modsDiffer ? 'diff' : null}, modifiers(r.billedModifiers)),
        h('td', {class: 'num col-split' + (unitsDiffer ? ' diff' : '')}, unitCount(expectedUnits)),
        h('td', {class: modsDiffer ? 'diff' : null}, modifiers(r.expectedModifiers)),
        h('td', {class: 'result'}, differs
          ? h('span', {class: 'mark-differs'}, h('span', {'aria-hidden': 'true'}, '≠ '),
            expectedUnits === 0 ? 'Not expected' : billedUnits === 0 ? 'Missing' : 'Differs')
          : h('span', {class: 'mark-matches'}, h('span', {'aria-hidden': 'true'}, '✓ '), 'Matches')));
    })));
  return scrollRegion('Billed and expected lines', table);
}

function billedDetails(e) {
  const lines = Array.isArray(e.billedLines) ? e.billedLines : [];
  if (!lines.length) return null;
  const table = h('table', {class: 'data'},
    h('caption', {class: 'sr-only'}, 'Billed lines as submitted'),
    h('thead', null, h('tr', null, ['Line', 'Code', 'Modifiers', 'Units', 'NDC', 'Charge', 'Allowed', 'Paid', 'Adjustments']
      .map(t => h('th', {scope: 'col', class: ['Units', 'Charge', 'Allowed', 'Paid'].includes(t) ? 'num' : null}, t)))),
    h('tbody', null, lines.map(l => h('tr', null,
      h('th', {scope: 'row'}, l.lineNumber ?? '—'),
      h('td', {class: 'mono'}, l.procedureCode),
      h('td', null, modifiers(l.modifiers)),
      h('td', {class: 'num'}, unitCount(l.units)),
      h('td', null, l.ndc || '—'),
      h('td', {class: 'num'}, l.chargeAmount !== undefined ? money(l.chargeAmount) : '—'),
      h('td', {class: 'num'}, l.allowedAmount !== undefined ? money(l.allowedAmount) : '—'),
      h('td', {class: 'num'}, l.paidAmount !== undefined ? money(l.paidAmount) : '—'),
      h('td', null, [...(l.adjustmentReasonCodes || []), ...(l.remarkCodes || [])].join(', ') || '—')))));
  return h('details', {class: 'billed-details'}, h('summary', null, 'Billed lines as submitted'),
    scrollRegion('Billed lines as submitted', table));
}

/** The payer's remittance lines beside the billed lines (line numbers), and its lines that match no billed line. */
function remittance(e) {
  const r = e.remittance;
  if (!r) return h('p', {class: 'muted', id: 'remit-none'}, 'No remittance is loaded for this claim.');
  const billed = new Map((Array.isArray(e.billedLines) ? e.billedLines : []).map(l => [l.lineNumber, l]));
  const row = (l, matched) => {
    const b = matched ? billed.get(l.lineNumber) : null;
    const codes = [...(l.adjustments || []).map(a => a.group + '-' + a.carc + ' ' + money(a.amount)), ...(l.rarc || [])].join(', ');
    return h('tr', {dataset: {line: l.lineNumber == null ? '' : String(l.lineNumber)}},
      h('th', {scope: 'row', 'data-label': 'Billed line'}, matched ? String(l.lineNumber) : 'none'),
      h('td', {class: 'mono', 'data-label': 'Code'}, (b ? b.procedureCode : l.procedureCode) || '—',
        l.adjudicatedCode && l.adjudicatedCode !== l.procedureCode ? h('span', {class: 'sub'}, 'paid as ' + l.adjudicatedCode) : null),
      h('td', {class: 'num', 'data-label': 'Units'}, l.units == null ? '—' : unitCount(l.units)),
      h('td', {class: 'num', 'data-label': 'Charge'}, money(l.charge)),
      h('td', {class: 'num', 'data-label': 'Allowed'}, l.allowed == null ? '—' : money(l.allowed)),
      h('td', {class: 'num', 'data-label': 'Paid'}, money(l.paid)),
      h('td', {class: 'num', 'data-label': 'Expected'}, l.expectedValue == null ? '—' : money(l.expectedValue)),
      h('td', {'data-label': 'Status'}, h('span', {class: 'badge remit-' + String(l.remitStatus).toLowerCase()}, remitStatusLabel(l.remitStatus))),
      h('td', {'data-label': 'Adjustments'}, codes || '—'));
  };
  const table = h('table', {class: 'data', id: 'remit-table'},
    h('caption', null, 'What the payer paid on each line (' + (r.payerName || 'payer') + ', claim ' + (r.claimStatus || '—')
      + (r.payerClaimNumber ? ', payer claim number ' + r.payerClaimNumber : '') + '); expected = the line as billed on the fee schedule.'),
    h('thead', null, h('tr', null, ['Billed line', 'Code', 'Units', 'Charge', 'Allowed', 'Paid', 'Expected', 'Status', 'Adjustments']
      .map(t => h('th', {scope: 'col', class: ['Units', 'Charge', 'Allowed', 'Paid', 'Expected'].includes(t) ? 'num' : null}, t)))),
    h('tbody', null, (r.lines || []).map(l => row(l, true)), (r.unmatchedLines || []).map(l => row(l, false))));
  return [scrollRegion('Remittance lines', table),
    (r.unmatchedLines || []).length ? h('p', {class: 'muted', id: 'remit-unmatched'}, (r.unmatchedLines || []).length
      + ' remittance line(s) match no billed line of this claim (billed line “none”).') : null];
}

function findingsList(e) {
  const findings = Array.isArray(e.findings) ? e.findings : [];
  if (!findings.length) return h('p', {class: 'muted'}, 'No findings: the billed lines match the documentation.');
  return h('ol', {class: 'findings'}, findings.map(f => findingCard(f)));
}

function findingCard(f) {
  const id = 'finding-' + f.findingIndex;
  const appeal = h('pre', {class: 'appeal', id: id + '-appeal', tabindex: '0'}, f.appealText || '');
  const copied = h('span', {role: 'status', class: 'small copy-status'});
  const copy = h('button', {type: 'button', class: 'secondary copy', 'aria-describedby': id + '-appeal'}, 'Copy appeal text');
  copy.addEventListener('click', () => copyText(f.appealText || '', appeal).then(ok => {
    copied.textContent = ok ? 'Copied to the clipboard.' : 'Select the text and press Ctrl+C to copy it.';
  }));
  const citations = Array.isArray(f.citations) ? f.citations : (f.citations ? [String(f.citations)] : []);
  const billed = f.billedCode ? f.billedCode + ' ×' + (f.billedUnits ?? '—') : 'not billed';
  const expected = f.expectedCode ? f.expectedCode + ' ×' + (f.expectedUnits ?? '—') : 'none';
  return h('li', {class: 'finding', id},
    h('article', {'aria-labelledby': id + '-title'},
      h('h3', {id: id + '-title'},
        h('span', {title: f.kind}, kindLabel(f.kind)), ' ',
        h('span', {class: 'badge dir-' + String(f.direction).toLowerCase()}, direction(f.direction)), ' ',
        f.direction === 'COMPLIANCE' ? h('span', {class: 'amount no-money'}, 'no money moves') : h('span', {class: 'amount'}, money(f.amount))),
      h('p', {class: 'finding-codes'},
        f.lineNumber != null ? 'Line ' + f.lineNumber + ': ' : '', 'billed ', h('span', {class: 'mono'}, billed),
        ', expected ', h('span', {class: 'mono'}, expected),
        f.ruleId ? [' · rule ', h('span', {class: 'mono'}, f.ruleId)] : null),
      h('p', {class: 'explanation'}, f.explanation || ''),
      pricingBlock(f, id),
      citations.length ? h('div', {class: 'citations'}, h('h4', null, 'Citations'),
        h('ul', null, citations.map(c => h('li', null, typeof c === 'string' ? c : JSON.stringify(c))))) : null,
      h('div', {class: 'appeal-block'}, h('h4', null, 'Appeal text'), appeal, h('div', {class: 'row'}, copy, ' ', copied)),
      statusBlock(f, id)));
}

/**
 * How the finding was priced (issue 14, contract section 10): each side's price per unit, units and value, the
 * expected line's charge basis and its source, whether the charge limited the value (lesser of), the tables used
 * and the note. A COMPLIANCE finding says that no money moves, and why. Nothing for a run without pricing.
 */
function pricingBlock(f, id) {
  const p = f.pricing;
  if (!p && f.direction !== 'COMPLIANCE') return null;
  const q = p || {};
  const item = (label, value, cls) => value === undefined || value === null ? null
    : h('div', {class: 'kv' + (cls ? ' ' + cls : '')}, h('dt', null, label), h('dd', null, value));
  const side = (pr, units, value) => pr === undefined && value === undefined ? null
    : price(pr) + ' × ' + (units ?? '—') + ' → ' + money(value);
  return h('div', {class: 'pricing', id: id + '-pricing'},
    h('h4', null, 'Pricing'),
    f.direction === 'COMPLIANCE' ? h('p', {class: 'no-money-note'}, h('strong', null, 'No money moves: '),
      q.note || 'the correction does not change the payment on the schedule in use.') : null,
    h('dl', {class: 'pricing-facts'},
      item('Billed: price × units → value', side(q.billedPrice, q.billedUnits, q.billedValue)),
      item('Expected: price × units', q.expectedPrice === undefined ? null : price(q.expectedPrice) + ' × ' + (q.expectedUnits ?? '—')),
      item('Charge basis', q.chargeBasis === undefined ? null : money(q.chargeBasis) + (q.chargeBasisSource ? ' (' + q.chargeBasisSource + ')' : '')),
      item('Expected value (lesser of charge and price)', q.expectedValue === undefined ? null
        : money(q.expectedValue) + (q.chargeLimited ? ' — limited by the charge' : '')),
      item('Tables', Array.isArray(q.tableVersions) && q.tableVersions.length ? q.tableVersions.join(', ') : q.tableVersion),
      f.direction !== 'COMPLIANCE' ? item('Note', q.note) : null));
}

async function copyText(text, source) {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // the clipboard API can be refused (no permission, page not focused): fall back to a selection copy
    const range = document.createRange();
    range.selectNodeContents(source);
    const selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
    try {
      return document.execCommand('copy');
    } catch {
      return false;
    }
  }
}

function warnings(e) {
  const list = Array.isArray(e.warnings) ? e.warnings : [];
  if (!list.length) return null;
  return section('warnings', 'Warnings', h('ul', null, list.map(w => h('li', null, typeof w === 'string' ? w : JSON.stringify(w)))));
}
