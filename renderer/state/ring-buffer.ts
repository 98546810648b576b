/** A fixed-capacity FIFO: pushing past capacity drops the oldest item, memory stays bounded. */
export interface RingBuffer<T> {
  push(item: T): void;
  /** Oldest first; a new array each call, so React and recharts see a change. */
  toArray(): T[];
  /** Drop items from the oldest end while `predicate` holds. */
  dropWhile(predicate: (item: T) => boolean): void;
  clear(): void;
  readonly size: number;
  readonly capacity: number;
}

/** Create an empty ring buffer holding at most `capacity` items. */
export function createRingBuffer<T>(capacity: number): RingBuffer<T> {
  if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError(`ring: expected capacity >= 1, got ${capacity}`);
  const slots: (T | undefined)[] = new Array<T | undefined>(capacity);
  let head = 0; // index of the oldest item
  let size = 0;
  return {
    push(item) {
      slots[(head + size) % capacity] = item;
      if (size < capacity) size++;
      else head = (head + 1) % capacity;
    },
    toArray() {
      const out: T[] = new Array<T>(size);
      for (let i = 0; i < size; i++) out[i] = slots[(head + i) % capacity] as T;
      return out;
    },
    dropWhile(predicate) {
      while (size > 0 && predicate(slots[head] as T)) {
        slots[head] = undefined;
        head = (head + 1) % capacity;
        size--;
      }
    },
    clear() {
      slots.fill(undefined);
      head = 0;
      size = 0;
    },
    get size() {
      return size;
    },
    capacity,
  };
}
