/**
 * chrono reads a text in time that grows faster than its length (a refiner looks back from each
 * result to the start), so a "sentence" longer than any real one (a page without full stops:
 * one of 880k characters took 21 s) is read in pieces cut at spaces. Real sentences are far
 * shorter (FA-KES's longest is 615 characters) and are read whole.
 */
const PIECE = 2000;
export function pieces(text: string): [number, number][] {
  if (text.length <= PIECE) return [[0, text.length]];
  const out: [number, number][] = [];
  for (let from = 0; from < text.length; ) {
    let to = Math.min(text.length, from + PIECE);
    const space = to < text.length ? text.lastIndexOf(' ', to) : -1;
    if (space > from) to = space;
    out.push([from, to]);
    from = to;
  }
  return out;
}
