/**
 * The compiled issue's per-recipient parts. The day's template (MJML, and the text part) is
 * rendered once per issue with markers where a recipient's value goes (`slot`), around what only
 * some recipients see (`ifShown`, keyed by the edition's `show` map) and around what depends on a
 * recipient's value being set (`ifSlot`). The markers are private-use characters, which MJML
 * passes through as text, so no template ever writes another template: a recipient's email is
 * one pass over the parsed markers, and what an edition shows is resolved once per edition.
 */
import Handlebars from 'handlebars';

const SLOT = '\uE010';
const SHOW = '\uE011';
const IF_SLOT = '\uE012';
const CLOSE = '\uE013';
const END_NAME = '\uE01F';
const MARKERS = /[\uE010-\uE013\uE01F]/g;
/** the same class without `g`, whose `test` keeps no position between calls */
const HAS_MARKER = /[\uE010-\uE013\uE01F]/;
const NAME = /^[a-zA-Z][a-zA-Z0-9]*$/;

export const marker = {
  slot: (name: string) => `${SLOT}${plainName(name)}${END_NAME}`,
  show: (key: string) => `${SHOW}${plainName(key)}${END_NAME}`,
  ifSlot: (name: string) => `${IF_SLOT}${plainName(name)}${END_NAME}`,
  close: CLOSE,
};

function plainName(name: string): string {
  if (!NAME.test(name)) throw new Error(`slot or show key "${name}" is not a plain name`);
  return name;
}

/** The day's data with any marker character taken out, so no headline can open a slot. */
export function withoutMarkers<T>(value: T): T {
  if (typeof value === 'string') return (HAS_MARKER.test(value) ? value.replace(MARKERS, '') : value) as T;
  if (Array.isArray(value)) return value.map(withoutMarkers) as T;
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = withoutMarkers(v);
    return out as T;
  }
  return value;
}

/** Text, a recipient value, or a block that opens at `at` and ends (exclusive) at `end`. */
type Part =
  | string
  | { slot: string }
  | { show: string; end: number }
  | { ifSlot: string; end: number }
  | null; // a block's close

export interface SlotProgram {
  readonly parts: readonly Part[];
  /** recipient values the program prints or tests, for the strictness check */
  readonly slots: readonly string[];
  /** show keys it tests */
  readonly sections: readonly string[];
}

/** Parses a rendered template's markers once per issue. */
export function parseSlots(source: string): SlotProgram {
  const parts: Part[] = [];
  const open: number[] = [];
  const slots = new Set<string>();
  const sections = new Set<string>();
  let from = 0;
  const next = /[\uE010-\uE013]/g;
  for (let m = next.exec(source); m !== null; m = next.exec(source)) {
    if (m.index > from) parts.push(source.slice(from, m.index));
    if (m[0] === CLOSE) {
      const start = open.pop();
      if (start === undefined) throw new Error('the template closes a block it never opened');
      (parts[start] as { end: number }).end = parts.length + 1;
      parts.push(null);
      from = m.index + 1;
      next.lastIndex = from;
      continue;
    }
    const nameEnd = source.indexOf(END_NAME, m.index + 1);
    if (nameEnd < 0) throw new Error('a slot marker has no end');
    const name = source.slice(m.index + 1, nameEnd);
    if (m[0] === SLOT) {
      slots.add(name);
      parts.push({ slot: name });
    } else {
      open.push(parts.length);
      if (m[0] === SHOW) {
        sections.add(name);
        parts.push({ show: name, end: -1 });
      } else {
        slots.add(name);
        parts.push({ ifSlot: name, end: -1 });
      }
    }
    from = nameEnd + 1;
    next.lastIndex = from;
  }
  if (open.length) throw new Error('the template leaves a block open');
  if (from < source.length) parts.push(source.slice(from));
  return { parts, slots: [...slots], sections: [...sections] };
}

/**
 * One edition's program: `show` blocks resolved, adjacent text joined, recipient parts left.
 * Editions are few (one per filter set) and shared by every recipient with those filters.
 */
function forEdition(program: SlotProgram, show: Readonly<Record<string, boolean>>): Part[] {
  const out: Part[] = [];
  // for each block open in `parts`: where its kept ifSlot opens in `out`, or null for a show block
  const open: (number | null)[] = [];
  const { parts } = program;
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    if (part === null) {
      const at = open.pop();
      if (at !== undefined && at !== null) {
        out.push(null);
        (out[at] as { end: number }).end = out.length;
      }
    } else if (typeof part === 'string') {
      if (typeof out.at(-1) === 'string') out[out.length - 1] += part;
      else out.push(part);
    } else if ('show' in part) {
      const shown = show[part.show];
      if (shown === undefined) throw new Error(`the recipient's show map has no "${part.show}"`);
      if (shown) open.push(null);
      else i = part.end - 1; // past its close
    } else if ('ifSlot' in part) {
      open.push(out.length);
      out.push({ ifSlot: part.ifSlot, end: -1 });
    } else out.push(part);
  }
  return out;
}

/** A recipient's render: `values` holds every slot the program names and the edition's `show` map. */
export function slotFiller<V extends { show: Readonly<Record<string, boolean>> }>(
  program: SlotProgram,
  escapeHtml: boolean,
): (values: V) => string {
  const editions = new WeakMap<object, Part[]>();
  const print = escapeHtml ? Handlebars.Utils.escapeExpression : (s: string) => s;
  return (recipient: V): string => {
    const values = recipient as unknown as Readonly<Record<string, unknown>>;
    for (const name of program.slots)
      if (!(name in values)) throw new Error(`the recipient's context has no "${name}"`);
    let parts = editions.get(recipient.show);
    if (parts === undefined) {
      parts = forEdition(program, recipient.show);
      editions.set(recipient.show, parts);
    }
    let out = '';
    for (let i = 0; i < parts.length; i++) {
      const part = parts[i]!;
      if (typeof part === 'string') out += part;
      else if (part === null) continue;
      else if ('slot' in part) out += print(String(values[part.slot] ?? ''));
      else if ('ifSlot' in part && !values[part.ifSlot]) i = part.end - 1;
    }
    return out;
  };
}
