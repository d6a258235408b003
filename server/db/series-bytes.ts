import "server-only";
import { AppError } from "@/lib/errors/app-error";
/** Byte-level pieces of the series codec: unsigned LEB128 varints, zigzag, length-prefixed UTF-8, bounds-checked reads. */
/** Stored series bytes we cannot read (`storage.corrupt`). */
export function seriesCodecError(message: string, options?: { cause?: unknown }): AppError {
  return new AppError("storage.corrupt", { message, cause: options?.cause });
}

export class ByteWriter {
  /** A growable byte buffer: a number[] grew by copying and was copied once more into the result. */
  private buf = new Uint8Array(1024);
  private size = 0;
  private push(value: number) {
    if (this.size === this.buf.length) {
      const grown = new Uint8Array(this.buf.length * 2);
      grown.set(this.buf);
      this.buf = grown;
    }
    // Stored as Uint8Array.from stored the pushed numbers (ToUint8).
    this.buf[this.size++] = value;
  }
  byte(value: number) {
    this.push(value & 0xff);
  }
  varint(value: number) {
    // Most values are small deltas: one byte, no division.
    if (value >= 0 && value < 0x80 && Number.isInteger(value)) {
      this.push(value);
      return;
    }
    if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`varint out of range: ${value}`);
    let n = value;
    while (n >= 0x80) {
      this.push((n % 0x80) | 0x80);
      n = Math.floor(n / 0x80);
    }
    this.push(n);
  }
  zvarint(value: number) {
    this.varint(value >= 0 ? value * 2 : -value * 2 - 1);
  }
  text(value: string) {
    const encoded = new TextEncoder().encode(value);
    this.varint(encoded.length);
    for (const b of encoded) this.push(b);
  }
  finish(): Uint8Array {
    return this.buf.slice(0, this.size);
  }
}

export class ByteReader {
  private pos = 0;
  constructor(private readonly bytes: Uint8Array) {}
  byte(): number {
    const value = this.bytes[this.pos++];
    if (value === undefined) throw seriesCodecError("Series data is truncated.");
    return value;
  }
  varint(): number {
    let result = 0;
    let scale = 1;
    for (;;) {
      const b = this.byte();
      result += (b & 0x7f) * scale;
      if (b < 0x80) break;
      scale *= 0x80;
      if (scale > 2 ** 56) throw seriesCodecError("Series data has an oversized integer.");
    }
    return result;
  }
  zvarint(): number {
    const z = this.varint();
    return z % 2 === 0 ? z / 2 : -(z + 1) / 2;
  }
  text(): string {
    const length = this.varint();
    if (this.pos + length > this.bytes.length) throw seriesCodecError("Series data is truncated.");
    const out = new TextDecoder().decode(this.bytes.subarray(this.pos, this.pos + length));
    this.pos += length;
    return out;
  }
  get done(): boolean {
    return this.pos === this.bytes.length;
  }
}
