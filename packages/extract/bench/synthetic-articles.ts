import { once } from 'node:events';
import { createWriteStream } from 'node:fs';

const PLACES = ['Aleppo', 'Idlib', 'Homs', 'Douma', 'Deir ez-Zor', 'Hama', 'Raqqa', 'Daraa'];
const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const SOURCES = [
  'the Syrian Observatory for Human Rights said',
  'civil defence workers told Reuters',
  'state media reported',
];

/** A varied, realistic-looking report; every article differs, so ids and hashes differ too. */
function article(i: number): string {
  const place = PLACES[i % PLACES.length] as string;
  const day = DAYS[i % DAYS.length] as string;
  const killed = 3 + (i % 40);
  const month = 1 + (i % 12);
  return [
    `Published ${MONTHS[month - 1]} ${1 + (i % 28)} 2016`,
    `At least ${killed} civilians, including ${i % Math.min(7, killed)} children, were killed on ${day} in air strikes on ${place}, ${SOURCES[i % SOURCES.length]}.`,
    `More than ${killed * 3} people were injured and dozens remain trapped under the rubble of report ${i}.`,
    `"The bombing did not stop all night," a resident told Reuters, asking not to be named.`,
    `The United Nations says the war has killed more than 250,000 people since 2011.`,
  ].join(' ');
}

/** Writes `count` JSON Lines articles; returns the file size in bytes. */
export async function writeSyntheticJsonl(path: string, count: number): Promise<number> {
  const out = createWriteStream(path);
  let bytes = 0;
  for (let i = 0; i < count; i++) {
    const line = `${JSON.stringify({ id: `syn-${i}`, headline: `Strikes on ${PLACES[i % PLACES.length]} (${i})`, text: article(i) })}\n`;
    bytes += Buffer.byteLength(line);
    if (!out.write(line)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  return bytes;
}
