/** Ends like a sentence: a full stop, question or exclamation mark, maybe inside quotes. */
export function endsLikeSentence(text: string): boolean {
  return /[.!?:]["'\u201d\u2019)\]]*$/.test(text.trimEnd());
}

export function wordCount(text: string): number {
  let count = 0;
  const re = /[\p{L}\p{N}]+(?:['\u2019.-][\p{L}\p{N}]+)*/gu;
  while (re.exec(text) !== null) count++;
  return count;
}
