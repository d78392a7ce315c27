/** Letters NFKD leaves whole (they are letters of their own, not a base letter with a mark). */
const UNDECOMPOSED: Record<string, string> = { ı: 'i', ł: 'l', ø: 'o', đ: 'd', ħ: 'h', ß: 'ss' };

/**
 * How place names are compared when a person types one: "Kyiv", "kyiv" and "KYIV" are one name,
 * and so are "Ḩamāh" and "Hamah", "Al-Fashir" and "al Fashir". Diacritics are folded (NFKD, marks
 * dropped), apostrophes and the ʿayn/hamza letters of transliterations dropped, hyphens, dots and
 * runs of spaces made one space. Spelling variants that differ by more ("Kiev"/"Kyiv") are the
 * gazetteer's aliases, not this function's business.
 */
export function placeNameKey(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[ıłøđħß]/g, (c) => UNDECOMPOSED[c] ?? c)
    .replace(/['’‘`ʿʾʻʼ]/g, '')
    .replace(/[\s\-‐‑–—_.,/]+/g, ' ')
    .trim();
}

/**
 * The words a first-level division's name may carry or drop: GeoNames says "Aleppo", OCHA and
 * the press "Aleppo Governorate"; "Kharkiv Oblast" / "Kharkiv", "North Kordofan State" /
 * "North Kordofan", "Antioquia Department" / "Antioquia". Taken from the type words in
 * GeoNames' admin1 names (admin1CodesASCII.txt) and the English forms ACLED's admin1 column uses.
 */
const DIVISION_WORDS = [
  'governorate',
  'province',
  'oblast',
  'state',
  'region',
  'department',
  'departamento',
  'prefecture',
  'county',
  'district',
  'division',
  'muhafazah',
  'wilayah',
  'velayat',
  'territory',
];
const DIVISION_WORD = new RegExp(`^(?:${DIVISION_WORDS.join('|')}) of |\\s(?:${DIVISION_WORDS.join('|')})$`);

/** The key an admin1 name is stored and filtered under: its name key without the division word. */
export function admin1Key(name: string): string {
  const key = placeNameKey(name);
  const bare = key.replace(DIVISION_WORD, '').trim();
  return bare || key;
}
