/**
 * The key a place name is looked up by, so the spellings the press and GeoNames use for one
 * place meet: diacritics dropped ("Ḩamāh" → "hamah"), apostrophes and ayn/hamza marks dropped
 * ("Ma'arrat", "Maʿarrat"), hyphens and dots as spaces, the Arabic article and its assimilated
 * forms dropped wherever they stand ("Al-Fashir", "El Fasher", "Deir ez-Zor", "As Suwayda"),
 * doubled letters single ("Maarrat" / "Marat") and a final "h" after a vowel dropped ("Hama" /
 * "Hamah"). Distinct places may share a key; resolution tells them apart by context.
 */
const ARTICLE = /^(?:al|el|ar|as|ash|ad|at|az|an|ed|es|et|ez|en|ul)$/;

export function foldName(name: string): string {
  const words = name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[''`ʿʾ‘’ʼ]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .split(' ');
  const kept = words.filter((w, i) => !(ARTICLE.test(w) && i < words.length - 1));
  return kept
    .join(' ')
    .replace(/(\p{L})\1+/gu, '$1')
    .replace(/([aeiou])h\b/g, '$1');
}
