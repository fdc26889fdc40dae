/**
 * Polls until `probe` returns something truthy (the worker runs asynchronously), failing with
 * `what` after the timeout. Tests wait on outcomes, never on fixed sleeps.
 */
export async function waitFor<T>(
  what: string,
  probe: () => Promise<T | null | undefined | false> | T | null | undefined | false,
  timeoutMs = 20_000,
  everyMs = 100,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value) return value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline)
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${last ? ` (last error: ${(last as Error).message})` : ''}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

/** Polls `read` until `ok` holds for what it returns (which may be falsy); on timeout the error shows the last value read. */
export async function eventually<T>(what: string, read: () => Promise<T>, ok: (value: T) => boolean, timeoutMs = 15_000): Promise<T> {
  let last: T | undefined;
  try {
    const held = await waitFor(
      what,
      async () => {
        last = await read();
        return ok(last) ? { value: last } : null;
      },
      timeoutMs,
    );
    return held.value;
  } catch (error) {
    throw new Error(`${(error as Error).message}; last value: ${JSON.stringify(last)}`, { cause: error });
  }
}
