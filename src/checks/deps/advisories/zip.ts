// Reads the entries of a zip (an OSV all.zip) from its central directory and inflates each one with
// Node's own zlib, which is several times faster than a JavaScript inflate on a 50,000-entry dump.
// Layout: APPNOTE.TXT 6.3.10 (https://pkware.cachefly.net/webdocs/casestudies/APPNOTE.TXT), §4.3.
// Stored and deflated entries only (all an OSV dump uses); ZIP64 for dumps past 65,535 entries.
import { inflateRawSync } from 'node:zlib';
import { formatBytes } from './bounded-body.js';

export interface ZipEntry {
  name: string;
  /** The inflated bytes, or why this one entry could not be read. */
  data?: Buffer;
  problem?: string;
}

export class ZipError extends Error {}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const MAX_U32 = 0xffffffff;
/** One OSV record is a few KB; the largest are a few MB. */
const MAX_ENTRY_BYTES = 64 << 20;
/**
 * All entries together inflate to at most this many times the zip's size. OSV records deflate
 * about 3:1 (4.5:1 for the most compressible of the test fixtures), so 16 leaves wide room for
 * long `versions` lists, while a crafted zip (deflate reaches 1032:1) cannot make the loader
 * inflate and scan gigabytes from a small file. At least one largest entry, whatever the zip's size.
 */
const INFLATE_RATIO = 16;
/** And never more than this in all (a 1 GiB dump may inflate to 4 GiB, not 16). */
const MAX_TOTAL_BYTES = 4 * 1024 ** 3;

/** The most a zip of `zipBytes` may inflate to, all entries together. */
function inflateBudget(zipBytes: number): number {
  return Math.min(MAX_TOTAL_BYTES, Math.max(MAX_ENTRY_BYTES, INFLATE_RATIO * zipBytes));
}

/**
 * Every entry whose name `wanted` accepts, by name (whatever order the writer used), inflated one at
 * a time as the caller asks for it; throws ZipError when the file is not a zip, when those entries
 * would inflate past `inflateBudget`, or when two of them share compressed bytes (a zip bomb's
 * trick: many directory entries pointing at one stream), before inflating any.
 */
export function* readZipEntries(zip: Buffer, wanted: (name: string) => boolean): Generator<ZipEntry> {
  const headers = entryHeaders(zip, wanted).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  refuseBombs(zip, headers);
  for (const header of headers) yield readEntry(zip, header);
}

function refuseBombs(zip: Buffer, headers: EntryHeader[]): void {
  // Declared sizes bound the work: an entry inflates to at most its size, or is refused.
  let total = 0;
  for (const { size } of headers) if (size <= MAX_ENTRY_BYTES) total += size;
  const budget = inflateBudget(zip.length);
  if (total > budget) {
    throw new ZipError(
      `its entries would inflate to ${formatBytes(total)}, more than ${formatBytes(budget)} ` +
        `(${INFLATE_RATIO} times the zip's ${formatBytes(zip.length)}, at most ${formatBytes(MAX_TOTAL_BYTES)}): refused as a zip bomb`,
    );
  }
  const ranges = headers
    .flatMap((header) => {
      const start = dataStart(zip, header);
      // An entry without its local header, or running past the end, is not inflated (readEntry names it).
      const to = start === undefined ? Infinity : start + header.compressedSize;
      return to > zip.length ? [] : [{ name: header.name, from: header.localOffset, to }];
    })
    .sort((a, b) => a.from - b.from);
  let reach = ranges[0];
  for (const range of ranges.slice(1)) {
    if (range.from < reach!.to) {
      throw new ZipError(`entries ${reach!.name} and ${range.name} share compressed bytes: refused (a zip writer never overlaps entries)`);
    }
    if (range.to > reach!.to) reach = range;
  }
}

/** Where an entry's compressed bytes start, after its local header; undefined when that header is missing. */
function dataStart(zip: Buffer, { localOffset }: EntryHeader): number | undefined {
  if (localOffset + 30 > zip.length || zip.readUInt32LE(localOffset) !== LOCAL) return undefined;
  // The local header's name and extra lengths may differ from the central directory's.
  return localOffset + 30 + zip.readUInt16LE(localOffset + 26) + zip.readUInt16LE(localOffset + 28);
}

function entryHeaders(zip: Buffer, wanted: (name: string) => boolean): EntryHeader[] {
  const headers: EntryHeader[] = [];
  const directory = centralDirectory(zip);
  let at = directory.offset;
  for (let index = 0; index < directory.entries; index += 1) {
    if (at + 46 > zip.length || zip.readUInt32LE(at) !== CENTRAL) throw new ZipError(`central directory entry ${index + 1} is damaged`);
    const flags = zip.readUInt16LE(at + 8);
    const method = zip.readUInt16LE(at + 10);
    let compressedSize = zip.readUInt32LE(at + 20);
    let size = zip.readUInt32LE(at + 24);
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    let localOffset = zip.readUInt32LE(at + 42);
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
    if (size === MAX_U32 || compressedSize === MAX_U32 || localOffset === MAX_U32) {
      // ZIP64 extended information (§4.5.3): only the fields that overflowed, in this order.
      const zip64 = extraField(zip, at + 46 + nameLength, extraLength, 0x0001);
      let field = 0;
      const next = () => (zip64 && field + 8 <= zip64.length ? Number(zip64.readBigUInt64LE((field += 8) - 8)) : MAX_U32);
      if (size === MAX_U32) size = next();
      if (compressedSize === MAX_U32) compressedSize = next();
      if (localOffset === MAX_U32) localOffset = next();
    }
    at += 46 + nameLength + extraLength + commentLength;
    if (!name.endsWith('/') && wanted(name)) headers.push({ name, flags, method, compressedSize, size, localOffset });
  }
  return headers;
}

interface EntryHeader {
  name: string;
  flags: number;
  method: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

function readEntry(zip: Buffer, entry: EntryHeader): ZipEntry {
  const { name, flags, method, compressedSize, size } = entry;
  if (flags & 1) return { name, problem: 'encrypted' };
  if (size > MAX_ENTRY_BYTES) return { name, problem: `larger than ${MAX_ENTRY_BYTES >> 20} MiB` };
  const start = dataStart(zip, entry);
  if (start === undefined) return { name, problem: 'local header missing' };
  if (start + compressedSize > zip.length) return { name, problem: 'truncated' };
  const raw = zip.subarray(start, start + compressedSize);
  try {
    const data = method === 0 ? raw : method === 8 ? inflateRawSync(raw, { maxOutputLength: Math.max(1, size) }) : undefined;
    if (!data) return { name, problem: `compression method ${method} is not supported` };
    if (data.length !== size) return { name, problem: `${data.length} bytes where the directory says ${size}` };
    return { name, data };
  } catch (error) {
    return { name, problem: (error as Error).message };
  }
}

function centralDirectory(zip: Buffer): { entries: number; offset: number } {
  // The end record is the last 22 bytes plus a comment of at most 65,535 bytes (§4.3.16).
  const floor = Math.max(0, zip.length - 22 - 0xffff);
  let end = -1;
  for (let at = zip.length - 22; at >= floor; at -= 1) {
    if (zip.readUInt32LE(at) === EOCD) {
      end = at;
      break;
    }
  }
  if (end < 0) throw new ZipError('no end of central directory record');
  let entries = zip.readUInt16LE(end + 10);
  let offset = zip.readUInt32LE(end + 16);
  const locator = end - 20;
  if (locator >= 0 && zip.readUInt32LE(locator) === ZIP64_LOCATOR) {
    const record = Number(zip.readBigUInt64LE(locator + 8));
    if (record + 56 > zip.length || zip.readUInt32LE(record) !== ZIP64_EOCD) throw new ZipError('damaged ZIP64 end record');
    entries = Number(zip.readBigUInt64LE(record + 32));
    offset = Number(zip.readBigUInt64LE(record + 48));
  }
  if (offset > zip.length) throw new ZipError('central directory outside the file');
  return { entries, offset };
}

function extraField(zip: Buffer, start: number, length: number, id: number): Buffer | undefined {
  for (let at = start; at + 4 <= start + length;) {
    const size = zip.readUInt16LE(at + 2);
    if (zip.readUInt16LE(at) === id) return zip.subarray(at + 4, Math.min(at + 4 + size, start + length));
    at += 4 + size;
  }
  return undefined;
}
