// A synthetic news corpus for benchmarks: reports about invented people, groups, places and
// incidents, written from sentence templates that use the constructions real reports use
// (apposition, possessives, passives, hedges, attributions). Seeded, so every run is the same.

import { mulberry32 as rng } from '../src/util/random.js';

const GIVEN = ['Amir', 'Daniel', 'Farid', 'Grace', 'Hassan', 'Ibrahim', 'Jonas', 'Karim', 'Leila', 'Marcus', 'Nadia', 'Omar',
  'Pavel', 'Rashid', 'Samir', 'Tariq', 'Usman', 'Victor', 'Walid', 'Yusuf', 'Zara', 'Bilal', 'Connor', 'Dmitri', 'Elena'];
const FAMILY = ['Haddad', 'Brennan', 'Qureshi', 'Okafor', 'Lindqvist', 'Mansour', 'Petrov', 'Rahimi', 'Sadiq', 'Talbot',
  'Varga', 'Wexley', 'Yilmaz', 'Zubair', 'Ashworth', 'Baig', 'Castell', 'Darwish', 'Ebner', 'Farouk', 'Ghani', 'Hollis'];
const GROUP_HEAD = ['Northern', 'Crescent', 'Iron', 'Eastern', 'Free', 'United', 'Black Banner', 'Sunrise', 'Vanguard', 'Desert'];
const GROUP_TAIL = ['Front', 'Brigade', 'Movement', 'Network', 'Council', 'Army', 'Party', 'Battalion'];
const AGENCIES = ['the Interior Ministry', 'the National Crime Agency', 'the Treasury Department', 'the State Security Service',
  'the Federal Police', 'the Home Office', 'the Counter Terrorism Command', 'the Justice Ministry'];
const PLACES = ['Manchester', 'Leeds', 'Hamburg', 'Marseille', 'Rotterdam', 'Antwerp', 'Malmo', 'Glasgow', 'Lyon', 'Bradford',
  'Kabul', 'Mosul', 'Raqqa', 'Karachi', 'Tripoli', 'Aleppo', 'Nairobi', 'Mogadishu', 'Istanbul', 'Copenhagen'];
const INCIDENTS = ['bombing', 'attack', 'shooting', 'stabbing', 'plot'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];


export function* syntheticReports(totalBytes: number, seed = 7): Generator<{ name: string; text: string }> {
  const rand = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  let bytes = 0;
  for (let n = 0; bytes < totalBytes; n++) {
    const person = () => `${pick(GIVEN)} ${pick(FAMILY)}`;
    const [a, b, c] = [person(), person(), person()];
    const group = `${pick(GROUP_HEAD)} ${pick(GROUP_TAIL)}`;
    const other = `${pick(GROUP_HEAD)} ${pick(GROUP_TAIL)}`;
    const [city, city2] = [pick(PLACES), pick(PLACES)];
    const agency = pick(AGENCIES);
    const incident = pick(INCIDENTS);
    const year = 2001 + Math.floor(rand() * 22);
    const date = `${1 + Math.floor(rand() * 28)} ${pick(MONTHS)} ${year}`;
    const surname = (p: string) => p.split(' ')[1]!;
    const sentences = [
      `${a}, a senior member of the ${group}, was arrested in ${city} on ${date}.`,
      `Police said ${surname(a)} had helped plan the ${city} ${incident} in which several people were injured.`,
      `The ${group} claimed responsibility for the ${incident} in a statement published online.`,
      `${b}, the group's leader, founded the ${group} in ${city2} in ${year - 6}.`,
      `It is believed that ${surname(b)} recruited ${c} while both were living in ${city2}.`,
      `${c} is also suspected of links to the ${other}, according to officials.`,
      `Prosecutors said ${surname(c)} had met ${a} several times before the ${incident}.`,
      `In ${year + 1} the ${group} was designated as a terrorist organisation by ${agency}.`,
      `Lawyers for ${surname(a)} denied that he had any link to the ${other}.`,
      `${surname(b)}'s brother, ${pick(GIVEN)} ${surname(b)}, was investigated by ${agency} but was never charged.`,
      `Analysts say the ${group} has recruited dozens of young men in ${city} and ${city2} over the past decade.`,
      `The trial of ${a} is expected to begin in ${city} next year.`,
    ];
    // Paragraphs of two to four sentences, in a varied order.
    const body: string[] = [];
    for (let i = 0; i < sentences.length;) {
      const k = 2 + Math.floor(rand() * 3);
      body.push(sentences.slice(i, i + k).join(' '));
      i += k;
    }
    const text = `${group} suspect held over ${city} ${incident}\n\n${body.join('\n\n')}\n`;
    bytes += Buffer.byteLength(text);
    yield { name: `report-${String(n).padStart(5, '0')}`, text };
  }
}
