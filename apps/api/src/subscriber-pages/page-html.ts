/**
 * The mailing list's pages as plain HTML: one column, real labels, native controls, no script,
 * readable without CSS. Every value from a person or the store goes through `esc`.
 */
import { FAMILY_CHOICES } from '@sitrep/mailing-list/subscriber-fields';
import type { SubscriberRecord } from '@sitrep/store/store';

export const esc = (s: string | number) => String(s).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const STYLE = `body{font:16px/1.5 system-ui,sans-serif;max-width:36rem;margin:0 auto;padding:1rem;color:#1a1a1a;background:#fff}
h1{font-size:1.5rem}fieldset{border:1px solid #767676;margin:1rem 0;padding:.5rem 1rem}label{display:block;margin:.5rem 0 .25rem}
input[type=text],input[type=email],input[type=number],select{font:inherit;width:100%;max-width:100%;box-sizing:border-box;padding:.4rem;border:1px solid #555}
.check label,.check{display:inline-block;margin-right:1rem}button{font:inherit;padding:.5rem 1rem;margin:.5rem 0;background:#0b4f8a;color:#fff;border:0;border-radius:3px}
button.leave{background:#8a1c0b}[role=alert]{border-left:4px solid #8a1c0b;padding:.25rem .75rem;background:#fdf0ee}.note{color:#4a4a4a}
@media (prefers-color-scheme:dark){body{background:#121212;color:#eee}input,select{background:#1e1e1e;color:#eee;border-color:#999}.note{color:#c8c8c8}[role=alert]{background:#3a1d19}}`;

export function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex"><title>${esc(title)} — Sitrep</title><style>${STYLE}</style></head>
<body><main><h1>${esc(title)}</h1>
${body}
</main></body></html>`;
}

export const problemsList = (problems: readonly string[]) =>
  problems.length
    ? `<div role="alert"><p>Please fix:</p><ul>${problems.map((p) => `<li>${esc(p)}</li>`).join('')}</ul></div>`
    : '';

const text = (name: string, label: string, value: string, hint = '', type = 'text') =>
  `<label for="${name}">${esc(label)}</label>${hint ? `<span class="note" id="${name}-hint">${esc(hint)}</span>` : ''}
<input type="${type}" id="${name}" name="${name}" value="${esc(value)}"${hint ? ` aria-describedby="${name}-hint"` : ''}${type === 'email' ? ' required autocomplete="email"' : ''}>`;

const ZONES = Intl.supportedValuesOf('timeZone');
const zoneList = `<datalist id="zones">${['UTC', ...ZONES].map((z) => `<option value="${esc(z)}">`).join('')}</datalist>`;

export interface FormValues {
  email: string;
  name: string;
  timezone: string;
  sendHour: number;
  cadence: string;
  kinds: string[];
  countries: string[];
  places: string[];
  actors: string[];
  minKilled: number | null;
}

export const valuesOf = (s: SubscriberRecord): FormValues => ({
  email: s.email,
  name: s.name,
  timezone: s.timezone,
  sendHour: s.sendHour,
  cadence: s.cadence,
  ...s.filters,
});

const FAMILIES = FAMILY_CHOICES;

/** The settings form of the preferences page (and the extra fields of the sign-up form). */
export function settingsFields(v: FormValues): string {
  const hours = Array.from({ length: 24 }, (_, h) => {
    const label = `${String(h).padStart(2, '0')}:00`;
    return `<option value="${h}"${h === v.sendHour ? ' selected' : ''}>${label}</option>`;
  }).join('');
  const otherKinds = v.kinds.filter((k) => !FAMILIES.includes(k));
  return `<fieldset><legend>When</legend>
${text('timezone', 'Time zone', v.timezone, 'An IANA zone such as Europe/London, Asia/Kolkata or UTC.').replace('<input ', '<input list="zones" ')}${zoneList}
<label for="sendHour">Local time of the email</label><select id="sendHour" name="sendHour">${hours}</select>
<fieldset><legend>How often</legend>
<span class="check"><input type="radio" id="daily" name="cadence" value="daily"${v.cadence !== 'weekly' ? ' checked' : ''}> <label for="daily">Every day</label></span>
<span class="check"><input type="radio" id="weekly" name="cadence" value="weekly"${v.cadence === 'weekly' ? ' checked' : ''}> <label for="weekly">Once a week (Monday)</label></span>
</fieldset></fieldset>
<fieldset><legend>What (leave everything empty to get the whole report)</legend>
<fieldset><legend>Kinds of event</legend>${FAMILIES.map(
    (f) =>
      `<span class="check"><input type="checkbox" id="kind-${f}" name="kinds" value="${f}"${v.kinds.includes(f) ? ' checked' : ''}> <label for="kind-${f}">${esc(f[0]!.toUpperCase() + f.slice(1))}</label></span>`,
  ).join('')}
${text('kinds', 'Or particular kinds', otherKinds.join(', '), 'Separated by commas, e.g. airstrike, shelling.')}</fieldset>
${text('countries', 'Countries', v.countries.join(', '), 'Separated by commas, e.g. Syria, Yemen.')}
${text('places', 'Places', v.places.join(', '), 'Cities or regions; a place includes everything inside it.')}
${text('actors', 'Actors', v.actors.join(', '), 'Armed groups, states, organisations.')}
${text('minKilled', 'Only stories with at least this many killed', v.minKilled === null ? '' : String(v.minKilled), 'Leave empty for every story.', 'number')}
</fieldset>`;
}

export function signUpForm(v: FormValues, problems: readonly string[], action: string): string {
  return `${problemsList(problems)}
<p>Sitrep's daily situation report: what was reported yesterday in the wars we follow, with every figure and who gave it. We send a confirmation link first; nothing else comes until you confirm.</p>
<form method="post" action="${esc(action)}">
${text('email', 'Email address', v.email, '', 'email')}
${text('name', 'Name (optional)', v.name)}
${settingsFields(v)}
<button type="submit">Subscribe</button>
</form>`;
}

export function preferencesForm(
  v: FormValues,
  problems: readonly string[],
  saveAction: string,
  leaveAction: string,
  status: string,
): string {
  return `${status ? `<p role="status">${esc(status)}</p>` : ''}${problemsList(problems)}
<p>Settings for <strong>${esc(v.email)}</strong>.</p>
<form method="post" action="${esc(saveAction)}">
${text('name', 'Name', v.name)}
${settingsFields(v)}
<button type="submit">Save</button>
</form>
<h2>Leave</h2>
<form method="post" action="${esc(leaveAction)}"><p>Stop every email from Sitrep to this address.</p><button type="submit" class="leave">Unsubscribe</button></form>`;
}

export const button = (action: string, label: string, before = '') =>
  `${before}<form method="post" action="${esc(action)}"><button type="submit">${esc(label)}</button></form>`;
