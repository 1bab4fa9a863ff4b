import { Joiner, sendInParts, type Part } from '../../src/taskpane/worker/parts';

interface Message {
  id: number;
  type: string;
  sheets: { name: string; rows: { kind: string; value: number }[][] }[];
  small: number[];
}

const message = (rows: number): Message => ({
  id: 7,
  type: 'read',
  sheets: [{ name: 'Events', rows: Array.from({ length: rows }, (_, r) => [{ kind: 'number', value: r }, { kind: 'number', value: -r }]) }],
  small: [1, 2, 3],
});

/** Sends through a joiner, as the two sides of a worker do, and gives what was posted and what came out. */
async function roundTrip(sent: Message, options: Parameters<typeof sendInParts>[3]) {
  const posted: (Message | Part)[] = [];
  const joiner = new Joiner();
  let out: Message | null = null;
  await sendInParts(sent, (m) => {
    posted.push(structuredClone(m));
    const copy = structuredClone(m);
    if (copy.type === 'part') joiner.add(copy as Part);
    else out = joiner.join(copy as Message);
  }, [], options);
  return { posted, out: out as Message | null };
}

test('long arrays travel in parts before their message, and come out whole; the message sent is untouched', async () => {
  const sent = message(5000);
  const before = structuredClone(sent);
  const { posted, out } = await roundTrip(sent, { pause: async () => undefined, longer: 100 });
  expect(out).toEqual(before);
  expect(sent).toEqual(before);
  const parts = posted.filter((m): m is Part => m.type === 'part');
  expect(parts.length).toBeGreaterThan(1);
  expect(parts.every((p) => p.id === 7 && p.path.join('.') === 'sheets.0.rows')).toBe(true);
  expect(parts.reduce((n, p) => n + p.items.length, 0)).toBe(5000);
  expect(posted[posted.length - 1]!.type).toBe('read');
  // The message itself came last, with its rows emptied and the short array left in place.
  const head = posted[posted.length - 1] as Message;
  expect(head.sheets[0]!.rows).toEqual([]);
  expect(head.small).toEqual([1, 2, 3]);
});

test('the size of a part follows how long the last one took to send', async () => {
  const sent = message(20_000);
  let clock = 0;
  const posted: number[] = [];
  await sendInParts(sent, (m) => {
    if ('items' in m) {
      posted.push(m.items.length);
      clock += m.items.length / 16; // 1 ms per 16 items
    }
  }, [], { now: () => clock, longer: 100, budget: 8 });
  // The first part took 4 ms: the next twice as big, 8 ms worth.
  expect(posted.slice(0, 4)).toEqual([64, 128, 128, 128]);
  expect(posted.reduce((a, b) => a + b, 0)).toBe(20_000);
});

test('a short message goes as it is, in one', async () => {
  const { posted, out } = await roundTrip(message(10), {});
  expect(posted).toHaveLength(1);
  expect(out).toEqual(message(10));
});

test('stop ends the sending between parts, and the message itself is not sent', async () => {
  let count = 0;
  const posted: string[] = [];
  await sendInParts(message(5000), (m) => posted.push(m.type), [], { longer: 100, pause: async () => undefined, stop: () => ++count > 3 });
  expect(posted).toEqual(['part', 'part', 'part']);
});
