import type { KeyValueStorage } from '../i18n/language';

export interface EnumerableStorage extends KeyValueStorage {
  readonly length: number;
  key(index: number): string | null;
}

const PREFIX = 'hd.draft:';

/**
 * Unsent form text, kept in sessionStorage (this tab only, gone when it closes) so that nothing
 * typed is lost when the session expires and the user signs in again. Drafts are per user, and
 * signing out deliberately removes them all.
 */
export class DraftStore {
  constructor(private readonly storage: EnumerableStorage | undefined) {}

  private key(userId: string, form: string): string {
    return `${PREFIX}${userId}:${form}`;
  }

  read<T extends object>(userId: string, form: string): Partial<T> | null {
    try {
      const raw = this.storage?.getItem(this.key(userId, form));
      if (!raw) return null;
      const value: unknown = JSON.parse(raw);
      return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Partial<T>) : null;
    } catch {
      return null;
    }
  }

  write(userId: string, form: string, value: object): void {
    try {
      this.storage?.setItem(this.key(userId, form), JSON.stringify(value));
    } catch {
      // storage full or disabled: the form still works, only the safety net is missing
    }
  }

  remove(userId: string, form: string): void {
    try {
      this.storage?.removeItem(this.key(userId, form));
    } catch {
      // ignore
    }
  }

  /** Every draft of every user in this tab (on sign-out, so the next person at this computer sees nothing). */
  clearAll(): void {
    if (!this.storage) return;
    try {
      const keys: string[] = [];
      for (let i = 0; i < this.storage.length; i++) {
        const key = this.storage.key(i);
        if (key?.startsWith(PREFIX)) keys.push(key);
      }
      for (const key of keys) this.storage.removeItem(key);
    } catch {
      // ignore
    }
  }
}

function sessionStorageOrUndefined(): EnumerableStorage | undefined {
  try {
    return globalThis.sessionStorage;
  } catch {
    return undefined;
  }
}

export const drafts = new DraftStore(sessionStorageOrUndefined());
