/**
 * Seeded pseudo-random numbers. Every article gets its own generator derived from
 * (seed, article index), so output is byte-identical for a seed and independent of
 * the order in which articles happen to be generated.
 */

/** FNV-1a over a string, 32-bit. Used for seeds and cheap hashing. */
export function fnv1a(text: string, basis = 0x811c9dc5): number {
  let h = basis >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** sfc32: small, fast, good enough statistical quality for text synthesis. */
export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(...seedParts: (string | number)[]) {
    const key = seedParts.join('\u0000');
    this.a = fnv1a(key, 0x811c9dc5);
    this.b = fnv1a(key, 0x9e3779b9);
    this.c = fnv1a(key, 0x85ebca6b);
    this.d = 1;
    for (let i = 0; i < 12; i++) this.nextU32();
  }

  nextU32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.nextU32() / 4294967296;
  }

  /** Integer in [min, max] inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  /** Pick by weight; weights need not sum to 1. */
  weighted<T>(entries: readonly (readonly [T, number])[]): T {
    let total = 0;
    for (const [, w] of entries) total += w;
    let r = this.next() * total;
    for (const [v, w] of entries) {
      r -= w;
      if (r < 0) return v;
    }
    return entries[entries.length - 1][0];
  }

  /** Zipf-like pick: low indexes are much more likely (a few includes are used everywhere). */
  zipf(n: number, s = 1.1): number {
    // Inverse-CDF on a continuous approximation; cheap and deterministic.
    const u = this.next();
    const x = Math.pow(n + 1, 1 - s);
    const v = Math.pow(1 - u + u * x, 1 / (1 - s)) - 1;
    return Math.min(n - 1, Math.max(0, Math.floor(v)));
  }

  hex(digits: number): string {
    let s = '';
    for (let i = 0; i < digits; i++) s += '0123456789ABCDEF'[this.nextU32() & 15];
    return s;
  }

  digits(n: number): string {
    let s = String(this.int(1, 9));
    for (let i = 1; i < n; i++) s += String(this.nextU32() % 10);
    return s;
  }
}
