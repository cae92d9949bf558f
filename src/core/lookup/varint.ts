/** Bytes an unsigned LEB128 varint takes. */
export function varintSize(v: number): number {
  let x = v >>> 0;
  let n = 1;
  while (x >= 0x80) { x >>>= 7; n++; }
  return n;
}

/** Unsigned LEB128 varints for the posting shards. */
export class ByteWriter {
  private buf = new Uint8Array(1024);
  private n = 0;
  private ensure(k: number): void {
    if (this.n + k <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < this.n + k) size *= 2;
    const next = new Uint8Array(size);
    next.set(this.buf.subarray(0, this.n));
    this.buf = next;
  }
  byte(v: number): void { this.ensure(1); this.buf[this.n++] = v & 0xff; }
  varint(v: number): void {
    this.ensure(5);
    let x = v >>> 0;
    while (x >= 0x80) { this.buf[this.n++] = (x & 0x7f) | 0x80; x >>>= 7; }
    this.buf[this.n++] = x;
  }
  get length(): number { return this.n; }
  bytes(): Uint8Array { return this.buf.slice(0, this.n); }
}

export class ByteReader {
  pos = 0;
  constructor(private readonly buf: Uint8Array) {}
  get done(): boolean { return this.pos >= this.buf.length; }
  byte(): number {
    if (this.pos >= this.buf.length) throw new RangeError('truncated shard');
    return this.buf[this.pos++];
  }
  varint(): number {
    let x = 0, shift = 0, b: number;
    do {
      b = this.byte();
      x += (b & 0x7f) * 2 ** shift;
      shift += 7;
    } while (b & 0x80 && shift < 35);
    return x;
  }
}
