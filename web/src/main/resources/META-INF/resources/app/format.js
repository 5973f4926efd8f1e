// Number and date display. Money arrives from the API as JSON numbers with 2 decimals (numeric(12,2)
// and numeric(16,2) in PostgreSQL); any client-side sum is done in whole cents, which is exact for
// amounts below 90 trillion dollars (2^53 cents), never on fractional dollars.

const usd = new Intl.NumberFormat('en-US', {style: 'currency', currency: 'USD'});
const whole = new Intl.NumberFormat('en-US', {maximumFractionDigits: 0});
const units = new Intl.NumberFormat('en-US', {maximumFractionDigits: 3});

export function cents(amount) {
  if (amount === null || amount === undefined || amount === '') return 0;
  return Math.round(Number(amount) * 100);
}

export function money(amount) {
  if (amount === null || amount === undefined || amount === '') return '—';
  return usd.format(cents(amount) / 100);
}

export function moneyFromCents(c) {
  return usd.format(c / 100);
}

export function count(n) {
  if (n === null || n === undefined) return '—';
  return whole.format(n);
}

export function unitCount(n) {
  if (n === null || n === undefined) return '—';
  return units.format(Number(n));
}

const DIRECTION_LABELS = {UNDERPAYMENT: 'Underpayment', OVERPAYMENT: 'Overpayment', DENIAL: 'Denial',
  COMPLIANCE: 'Compliance'};

export function direction(d) {
  return DIRECTION_LABELS[d] || d || '—';
}

/** Kinds whose words are acronyms or need a phrase (issues 13, 14); the others read from their name. */
const KIND_LABELS = {
  NOT_PAYABLE_IN_SETTING: 'Not payable in this setting',
  NDC_FORMAT: 'NDC format',
  NDC_HCPCS_MISMATCH: 'NDC not listed for the HCPCS code',
  NDC_UNITS_MISMATCH: 'Units inconsistent with the NDC package',
  EM_WITH_ADMINISTRATION: 'E/M with drug administration',
  NCCI_PTP_EDIT: 'NCCI procedure-to-procedure edit',
  MUE_EXCEEDED: 'MUE exceeded',
};

/** DOWNCODED_TO_96372 -> "Downcoded to 96372" for labels; the exact kind stays in titles and filters. */
export function kindLabel(kind) {
  if (!kind) return '—';
  if (KIND_LABELS[kind]) return KIND_LABELS[kind];
  const s = kind.toLowerCase().replaceAll('_', ' ');
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/**
 * "2026-03-02T09:30:00" (contract: local time, no zone) -> minutes since the epoch, read as UTC so the
 * browser's time zone and daylight-saving changes never shift or stretch a bar.
 */
export function localMinutes(ts) {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?/.exec(ts || '');
  if (!m) return null;
  return Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +(m[6] || 0)) / 60000;
}

/** "2026-03-02T09:30:00" -> "09:30" */
export function clock(ts) {
  const m = /T(\d{2}:\d{2})/.exec(ts || '');
  return m ? m[1] : '—';
}

export function duration(minutes) {
  const m = Math.floor(minutes);
  if (m < 60) return m + ' min';
  return Math.floor(m / 60) + ' h ' + (m % 60) + ' min';
}

/** The months "YYYY-MM" from one date to another, both inclusive. */
export function monthsBetween(from, to) {
  const out = [];
  let y = +from.slice(0, 4), mo = +from.slice(5, 7);
  const ey = +to.slice(0, 4), em = +to.slice(5, 7);
  while (y < ey || (y === ey && mo <= em)) {
    out.push(String(y).padStart(4, '0') + '-' + String(mo).padStart(2, '0'));
    mo++;
    if (mo > 12) { mo = 1; y++; }
  }
  return out;
}

export function lastDayOfMonth(month) {
  const y = +month.slice(0, 4), m = +month.slice(5, 7);
  const d = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return month + '-' + String(d).padStart(2, '0');
}

export function addMonths(month, n) {
  let y = +month.slice(0, 4), m = +month.slice(5, 7) + n;
  while (m < 1) { m += 12; y--; }
  while (m > 12) { m -= 12; y++; }
  return String(y).padStart(4, '0') + '-' + String(m).padStart(2, '0');
}

/** A price per unit as the API gives it (CMS publishes 3 decimals): "$55.730" keeps them, "$60.00" at least 2. */
export function price(p) {
  if (p === null || p === undefined || p === '') return '—';
  const decimals = Math.min(6, Math.max(2, (String(p).split('.')[1] || '').length));
  return new Intl.NumberFormat('en-US', {style: 'currency', currency: 'USD', minimumFractionDigits: decimals,
    maximumFractionDigits: decimals}).format(Number(p));
}

/** Remittance line statuses (X12 835, contract section 11): the revenue-cycle split. */
export const REMIT_STATUSES = ['DENIED', 'REJECTED', 'ZERO_PAY', 'UNDERPAID', 'PAID'];
const REMIT_LABELS = {DENIED: 'Denied', REJECTED: 'Rejected (unprocessable)', ZERO_PAY: 'Paid 0 (patient share)',
  UNDERPAID: 'Paid below expected', PAID: 'Paid'};

export function remitStatusLabel(s) {
  return REMIT_LABELS[s] || (s ? String(s) : '—');
}
