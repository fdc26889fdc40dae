import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/** A settings list's dialog and confirmation: which item is being edited (`'new'` for a new one), and the last message announced. */
export function useSettingsEditor<T>() {
  const { t } = useTranslation();
  const [editing, setEditing] = useState<T | 'new' | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  return {
    /** Whether a dialog is open. */
    isOpen: editing !== null,
    /** The item in the open dialog; null for a new one. */
    item: editing === 'new' ? null : editing,
    open: (item: T | 'new') => setEditing(item),
    close: () => setEditing(null),
    notice,
    announce: setNotice,
    /** Closes the dialog and confirms the save by the item's name. */
    saved: (item: { name: string }) => {
      setNotice(t('admin.common.saved', { name: item.name }));
      setEditing(null);
    },
  };
}

export type SettingsEditor<T> = ReturnType<typeof useSettingsEditor<T>>;
