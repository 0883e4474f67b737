// The keyword prefilter: an Aho-Corasick automaton (Aho & Corasick 1975) compiled to a dense DFA,
// so the inner loop is one table lookup per character. The detector builds it once from every
// rule's keywords and hands it to the sources, which run it on git's raw bytes so most of a
// history is never decoded. Case folding is in the character-class table: ASCII letters of a
// keyword match either case, and the text is never lowercased into a copy.

/** One keyword occurrence: which entry (an index the caller chose) ends at `end` (exclusive). */
export interface KeywordHit {
  entry: number;
  /** Offset just past the keyword, in the units the automaton was built for. */
  end: number;
  /** Keyword length in those units, so `end - length` is where it starts. */
  length: number;
}

export interface KeywordAutomaton {
  /** 'utf16' for JavaScript strings, 'utf8' for raw bytes. */
  unit: 'utf16' | 'utf8';
  /** code unit -> class (0 = a unit that appears in no keyword). */
  classOf: Uint16Array;
  classes: number;
  /** delta[state * classes + class] -> next state. 16-bit while the states fit: half the memory, so the table stays in cache. */
  delta: Uint16Array | Int32Array;
  /** Per state: the (entry, keyword length) pairs of every keyword ending there, suffixes included. */
  output: (Int32Array | undefined)[];
  /** Per state: the OR of the flags (`Keyword.flags`) of every keyword ending there; 0 when none does. */
  flags: Uint8Array;
}

export interface Keyword {
  keyword: string;
  /** Returned in hits; several keywords may share an entry. */
  entry: number;
  /** Bits the caller gives meaning to (a keyword of a keyword-context row, say); OR-ed per state. */
  flags?: number;
}

export function buildAutomaton(keywords: Keyword[], unit: 'utf16' | 'utf8'): KeywordAutomaton {
  const unitsOf = (keyword: string): ArrayLike<number> =>
    unit === 'utf8' ? Buffer.from(keyword, 'utf8') : Uint16Array.from(keyword, (_, index) => keyword.charCodeAt(index));
  const lowered = keywords.map(({ keyword }) => unitsOf(keyword.toLowerCase()));
  const classOf = new Uint16Array(unit === 'utf8' ? 256 : 65536);
  let classes = 1;
  let totalUnits = 0;
  for (const units of lowered) {
    totalUnits += units.length;
    for (let index = 0; index < units.length; index++) {
      const code = units[index]!;
      if (classOf[code] !== 0) continue;
      classOf[code] = classes;
      if (code >= 97 && code <= 122) classOf[code - 32] = classes; // a-z also matches A-Z
      classes++;
    }
  }

  // Trie of keywords over classes in a flat table (0 = no edge: the root is never a child), sized
  // for the worst case of one state per keyword unit. Typed arrays, not a Map per state: building
  // runs at every start, and thousands of Maps cost more in garbage collection than in lookups.
  const maxStates = totalUnits + 1;
  const goto = maxStates <= 0xffff ? new Uint16Array(maxStates * classes) : new Int32Array(maxStates * classes);
  const outputs: number[][] = [[]];
  const stateFlags: number[] = [0];
  let states = 1;
  keywords.forEach(({ entry, flags = 0 }, index) => {
    const units = lowered[index]!;
    if (units.length === 0) return;
    let state = 0;
    for (let offset = 0; offset < units.length; offset++) {
      const edge = state * classes + classOf[units[offset]!]!;
      if (goto[edge] === 0) {
        goto[edge] = states++;
        outputs.push([]);
        stateFlags.push(0);
      }
      state = goto[edge]!;
    }
    addOutput(outputs[state]!, entry, units.length);
    stateFlags[state]! |= 1 | (flags << 1);
  });

  // Breadth-first: fill every transition (goto, or the failure state's) and merge suffix outputs.
  const delta = states <= 0xffff ? new Uint16Array(states * classes) : new Int32Array(states * classes);
  const fail = new Int32Array(states);
  const queue = new Int32Array(states);
  let tail = 0;
  for (let cls = 1; cls < classes; cls++) {
    const next = goto[cls]!;
    if (next !== 0) {
      delta[cls] = next;
      queue[tail++] = next;
    }
  }
  for (let head = 0; head < tail; head++) {
    const state = queue[head]!;
    const failState = fail[state]!;
    const failOutput = outputs[failState]!;
    for (let index = 0; index < failOutput.length; index += 2) addOutput(outputs[state]!, failOutput[index]!, failOutput[index + 1]!);
    stateFlags[state]! |= stateFlags[failState]!;
    // The failure state is shallower, so its row is complete: start from it, then set this state's own edges.
    delta.copyWithin(state * classes, failState * classes, (failState + 1) * classes);
    for (let cls = 1; cls < classes; cls++) {
      const next = goto[state * classes + cls]!;
      if (next === 0) continue;
      fail[next] = delta[failState * classes + cls]!;
      delta[state * classes + cls] = next;
      queue[tail++] = next;
    }
  }
  const output = outputs.map((list) => (list.length === 0 ? undefined : Int32Array.from(list)));
  return { unit, classOf, classes, delta, output, flags: Uint8Array.from(stateFlags) };
}

function addOutput(list: number[], entry: number, length: number): void {
  for (let index = 0; index < list.length; index += 2) if (list[index] === entry && list[index + 1] === length) return;
  list.push(entry, length);
}

/** True when some keyword occurs in `bytes[start, end)` (a utf8 automaton). */
export function anyKeywordInBytes(automaton: KeywordAutomaton, bytes: Uint8Array, start: number, end: number): boolean {
  return keywordFlagsInBytes(automaton, bytes, start, end, 1) !== 0;
}

/**
 * The OR of bit 0 (some keyword occurs) and the flags of the keywords in `bytes[start, end)`,
 * stopping as soon as every bit of `enough` is set: one table lookup per byte, no allocation.
 */
export function keywordFlagsInBytes(automaton: KeywordAutomaton, bytes: Uint8Array, start: number, end: number, enough: number): number {
  const { classOf, classes, delta, flags } = automaton;
  let state = 0;
  let found = 0;
  for (let index = start; index < end; index++) {
    state = delta[state * classes + classOf[bytes[index]!]!]!;
    const here = flags[state]!;
    if (here !== 0) {
      found |= here;
      if ((found & enough) === enough) return found;
    }
  }
  return found;
}

/** True when some keyword occurs in `text` (a utf16 automaton). */
export function anyKeyword(automaton: KeywordAutomaton, text: string): boolean {
  const { classOf, classes, delta, output } = automaton;
  let state = 0;
  for (let index = 0; index < text.length; index++) {
    state = delta[state * classes + classOf[text.charCodeAt(index)]!]!;
    if (output[state] !== undefined) return true;
  }
  return false;
}

/**
 * Every keyword occurrence in `text[start, end)`, in order of their end offsets. Bounded by
 * `limit` hits, so a line made of one keyword repeated cannot make the caller's work quadratic.
 */
export function keywordHits(automaton: KeywordAutomaton, text: string, start = 0, end = text.length, limit = 4096): KeywordHit[] {
  const hits: KeywordHit[] = [];
  const buffer = new HitBuffer(limit);
  const count = buffer.fill(automaton, text, start, end);
  for (let at = 0; at < count; at++) hits.push({ entry: buffer.entry(at), end: buffer.end(at), length: buffer.length(at) });
  return hits;
}

/**
 * Keyword occurrences written into one reusable array (entry, end, length per hit): the detector
 * scans many lines, and an object per hit per line kept the garbage collector busy.
 */
export class HitBuffer {
  private readonly slots: Int32Array;

  constructor(readonly limit = 4096) {
    this.slots = new Int32Array(limit * 3);
  }

  /** Scans `text[start, end)` and returns how many hits it holds now. */
  fill(automaton: KeywordAutomaton, text: string, start = 0, end = text.length): number {
    const { classOf, classes, delta, output } = automaton;
    const slots = this.slots;
    let count = 0;
    let state = 0;
    for (let index = start; index < end; index++) {
      state = delta[state * classes + classOf[text.charCodeAt(index)]!]!;
      const out = output[state];
      if (out === undefined) continue;
      for (let at = 0; at < out.length; at += 2) {
        slots[count * 3] = out[at]!;
        slots[count * 3 + 1] = index + 1;
        slots[count * 3 + 2] = out[at + 1]!;
        if (++count >= this.limit) return count;
      }
    }
    return count;
  }

  entry(at: number): number {
    return this.slots[at * 3]!;
  }

  end(at: number): number {
    return this.slots[at * 3 + 1]!;
  }

  length(at: number): number {
    return this.slots[at * 3 + 2]!;
  }
}
