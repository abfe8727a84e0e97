/** A copy of `array`, of its kind, long enough to hold index `needed` and at least twice as long. */
export function grown<T extends Int32Array | Uint8Array>(array: T, needed: number): T {
  const bigger = new (array.constructor as new (length: number) => T)(Math.max(needed + 1, array.length * 2));
  bigger.set(array);
  return bigger;
}
