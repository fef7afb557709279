interface Entry<V> {
  value: V;
  bytes: number;
  expiresAt: number;
}

/**
 * Values kept up to a total size in bytes: the least recently used go first when a new one does not fit, and
 * each is dropped once older than the age it was kept for. A Map keeps insertion order, so moving an entry to
 * the end on every read makes its first key the least recently used.
 */
export class ByteLru<V> {
  readonly #entries = new Map<string, Entry<V>>();
  #bytes = 0;

  constructor(
    readonly maxBytes: number,
    private readonly now: () => number = Date.now,
  ) {}

  get(key: string): V | undefined {
    const entry = this.#entries.get(key);
    if (!entry) return undefined;
    this.#entries.delete(key);
    if (entry.expiresAt <= this.now()) {
      this.#bytes -= entry.bytes;
      return undefined;
    }
    this.#entries.set(key, entry);
    return entry.value;
  }

  /** Keeps `value` for at most `maxAgeMs`; one larger than the whole budget is not kept at all. */
  set(key: string, value: V, bytes: number, maxAgeMs: number): void {
    this.delete(key);
    if (bytes > this.maxBytes) return;
    this.#entries.set(key, { value, bytes, expiresAt: this.now() + maxAgeMs });
    this.#bytes += bytes;
    for (const [oldest, entry] of this.#entries) {
      if (this.#bytes <= this.maxBytes) break;
      this.#entries.delete(oldest);
      this.#bytes -= entry.bytes;
    }
  }

  delete(key: string): void {
    const entry = this.#entries.get(key);
    if (!entry) return;
    this.#entries.delete(key);
    this.#bytes -= entry.bytes;
  }

  /** What the kept values take, as their sizes were given. */
  get bytes(): number {
    return this.#bytes;
  }

  get size(): number {
    return this.#entries.size;
  }
}
