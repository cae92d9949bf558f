import type { DiagnosticSink } from '../diagnostics';

/** Byte-order marks we honour, longest first so UTF-8's three bytes win over nothing. */
const BOMS: ReadonlyArray<{ bytes: readonly number[]; encoding: 'utf-8' | 'utf-16le' | 'utf-16be' }> = [
  { bytes: [0xef, 0xbb, 0xbf], encoding: 'utf-8' },
  { bytes: [0xff, 0xfe], encoding: 'utf-16le' },
  { bytes: [0xfe, 0xff], encoding: 'utf-16be' },
];

/** How many leading characters the binary sniff looks at: enough to judge, cheap on big files. */
const SNIFF_CHARS = 8192;
/** Share of control characters above which a text cannot be prose. */
const MAX_CONTROL_SHARE = 0.1;

/**
 * Turn a file's bytes into article text with LF line ends.
 * UTF-8 (with or without BOM) and BOM-marked UTF-16 are read as such; bytes that are not valid UTF-8
 * are read as Windows-1252 (what old editors saved) with a warning. Binary or blank files yield an
 * error and null: there is nothing to publish. Never throws.
 */
export function decodeArticleBytes(bytes: Uint8Array, sink: DiagnosticSink): { text: string } | null {
  const decoded = decodeWithFallback(bytes, sink);
  if (decoded === null) return null;
  if (looksBinary(decoded)) {
    sink.error('binary-file', 'The file holds binary data, not text; it was skipped.');
    return null;
  }
  const text = decoded.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  if (/^\s*$/.test(text)) {
    sink.error('empty-file', 'The file is empty or holds only white space; it was skipped.');
    return null;
  }
  return { text };
}

function decodeWithFallback(bytes: Uint8Array, sink: DiagnosticSink): string | null {
  const bom = BOMS.find((b) => b.bytes.every((v, i) => bytes[i] === v));
  if (bom && bom.encoding !== 'utf-8') {
    const body = bytes.subarray(bom.bytes.length);
    // An odd byte count cannot be UTF-16: the file was cut or is not text.
    if (body.length % 2 !== 0) {
      sink.warn('encoding-utf16-truncated', `The file is marked as ${bom.encoding.toUpperCase()} but ends in half a character; the last byte was dropped.`);
    }
    return new TextDecoder(bom.encoding).decode(body);
  }
  const body = bom ? bytes.subarray(bom.bytes.length) : bytes;
  // Bytes with NUL in them are binary (or BOM-less UTF-16, which we do not guess at).
  if (body.includes(0)) {
    sink.error('binary-file', 'The file contains NUL bytes, so it is binary or in an unsupported encoding; it was skipped.');
    return null;
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    const line = firstInvalidUtf8Line(body);
    sink.warn(
      'encoding-latin1',
      'The file is not valid UTF-8; it was read as Windows-1252 (Latin-1). Save it as UTF-8 to be sure special characters are right.',
      line,
    );
    return decodeLatin1(body);
  }
}

/** Line of the first byte sequence UTF-8 rejects: the lenient decoder marks it with U+FFFD. */
function firstInvalidUtf8Line(bytes: Uint8Array): number | undefined {
  const lenient = new TextDecoder('utf-8').decode(bytes);
  const at = lenient.indexOf('\uFFFD');
  if (at < 0) return undefined;
  const before = lenient.slice(0, at);
  return (before.match(/\r\n|\r|\n/g)?.length ?? 0) + 1;
}

function decodeLatin1(bytes: Uint8Array): string {
  try {
    // WHATWG maps `latin1` to Windows-1252, the superset old Windows tools wrote.
    return new TextDecoder('windows-1252').decode(bytes);
  } catch {
    // Runtimes without the legacy encodings (small-icu builds): plain ISO-8859-1 is close enough.
    let out = '';
    for (let i = 0; i < bytes.length; i += 4096) out += String.fromCharCode(...bytes.subarray(i, i + 4096));
    return out;
  }
}

/** Prose has almost no C0 controls besides tab, LF, CR, FF; NUL never appears. */
function looksBinary(text: string): boolean {
  const sample = text.slice(0, SNIFF_CHARS);
  if (sample.length === 0) return false;
  let controls = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if (c === 0) return true;
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c) || c === 0x7f) controls++;
  }
  return controls / sample.length > MAX_CONTROL_SHARE;
}
