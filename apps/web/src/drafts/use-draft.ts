import { useCallback, useEffect, useRef, useState } from 'react';
import { useSession } from '../auth/use-session';
import { drafts } from './draft-store';

export interface DraftControls {
  /** True when the form opened with text kept from before (e.g. before a forced sign-in). */
  restored: boolean;
  /** Forget the draft (after the form was sent, or when the user cancels). */
  discard: () => void;
}

/**
 * Form state that survives a forced sign-in: every change is kept in sessionStorage under
 * `form`, except the fields in `secret` (passwords are never stored).
 */
export function useDraft<T extends object>(
  form: string,
  initial: T,
  secret: readonly (keyof T)[] = [],
): [T, (patch: Partial<T>) => void, DraftControls] {
  const session = useSession();
  const userId = session.status === 'signed-in' ? session.user.id : null;
  const [restored] = useState(() => (userId ? drafts.read<T>(userId, form) : null));
  const [value, setValue] = useState<T>(() => ({ ...initial, ...(restored ?? {}) }));
  const dirty = useRef(false);
  const secretRef = useRef(secret);

  useEffect(() => {
    if (!userId || !dirty.current) return;
    const kept: Record<string, unknown> = { ...(value as Record<string, unknown>) };
    for (const key of secretRef.current) delete kept[key as string];
    drafts.write(userId, form, kept);
  }, [value, userId, form]);

  const update = useCallback((patch: Partial<T>) => {
    dirty.current = true;
    setValue((current) => ({ ...current, ...patch }));
  }, []);

  const discard = useCallback(() => {
    dirty.current = false;
    if (userId) drafts.remove(userId, form);
  }, [userId, form]);

  return [value, update, { restored: restored !== null, discard }];
}
