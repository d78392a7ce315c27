import type { Credit, CreditRole } from '@sitrep/schema/article';
import { findOutlet } from './outlets.ts';

/** "ABDALRHMAN ISMAIL" → "Abdalrhman Ismail"; mixed case is kept as written. */
function personName(raw: string): string {
  const name = raw.trim().replace(/\s+/g, ' ');
  if (name !== name.toUpperCase()) return name;
  return name
    .toLowerCase()
    .replace(/(^|[\s'-])(\p{L})/gu, (_m, sep: string, ch: string) => sep + ch.toUpperCase());
}

/** The agency's curated name when Sitrep knows it ("AP" → "Associated Press"). */
export function agencyName(raw: string): string {
  const known = findOutlet(raw.trim());
  return known ? known.name : raw.trim();
}

/** "AP and Reuters", "Reuters, AFP" → one credit per agency, each span at its name. */
export function creditsFromList(list: string, offset: number, role: CreditRole): Credit[] {
  const credits: Credit[] = [];
  const push = (from: number, to: number) => {
    // "Khaled Yacoub Oweis, Amman newsroom": the newsroom is a place, not a name.
    const raw = list.slice(from, to).replace(/,?\s+\S+ newsroom\s*$/i, '');
    const name = raw.trim();
    if (!name) return;
    const start = offset + from + raw.indexOf(name);
    credits.push({ agency: agencyName(name), person: null, role, span: { start, end: start + name.length } });
  };
  const separator = /\s*(?:,|;|&|\band\b)\s*/g;
  let from = 0;
  for (let m = separator.exec(list); m !== null; m = separator.exec(list)) {
    push(from, m.index);
    from = m.index + m[0].length;
  }
  push(from, list.length);
  return credits;
}

const PHOTO_CREDIT = /\b(REUTERS|Reuters|AFP|AP|EPA|AA|Getty Images|SANA)\/([\p{L}][\p{L} .'-]*?)\s*\.?\s*$/u;
const FILE_PHOTO_BY =
  /\b(?:File )?[Pp]hoto(?:graph)?(?: by)?:?\s+([A-Z][\w-]*(?: [A-Z][\w-]*)?)(?=,|\)|\s*\(|$)/;

/**
 * The photo credit in a caption or credit line, e.g. "REUTERS/Omar Sanadiki", "(File photo
 * by AFP, ...)", "Photo by: Reuters (Archive)". `offset` is the line's start in the original.
 */
export function photoCredit(line: string, offset: number): { credit: Credit; written: string } | null {
  const agencyPerson = PHOTO_CREDIT.exec(line);
  if (agencyPerson) {
    const written = agencyPerson[0].replace(/[\s.]+$/, '');
    const start = offset + agencyPerson.index;
    return {
      written,
      credit: {
        agency: agencyName(agencyPerson[1] as string),
        person: personName(agencyPerson[2] as string),
        role: 'photo',
        span: { start, end: start + written.length },
      },
    };
  }
  const by = FILE_PHOTO_BY.exec(line);
  if (by && by[1] !== 'File') {
    const name = by[1] as string;
    const start = offset + by.index + by[0].lastIndexOf(name);
    return {
      written: name,
      credit: {
        agency: agencyName(name),
        person: null,
        role: 'photo',
        span: { start, end: start + name.length },
      },
    };
  }
  return null;
}
