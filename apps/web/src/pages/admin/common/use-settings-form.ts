import { type QueryKey, useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { focusFirstError } from '../AdminParts';

/**
 * A settings dialog's form: its values, the errors found on submit (focus moves to the first),
 * and the save that refreshes the list once the api has accepted it.
 */
export function useSettingsForm<V, E extends Partial<Record<string, string>>, B, R>({
  initial,
  validate,
  toBody,
  send,
  refresh,
  onSaved,
}: {
  initial: () => V;
  validate: (values: V) => E;
  toBody: (values: V) => B;
  send: (body: B) => Promise<R>;
  /** The list the save changes. */
  refresh: QueryKey;
  onSaved: (saved: R, values: V) => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [values, setValues] = useState<V>(initial);
  const [errors, setErrors] = useState<E>({} as E);
  const update = (patch: Partial<V>) => setValues((v) => ({ ...v, ...patch }));
  const save = useMutation({
    mutationFn: send,
    onSuccess: async (saved) => {
      await queryClient.invalidateQueries({ queryKey: refresh });
      onSaved(saved, values);
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = validate(values);
    setErrors(found);
    if (Object.keys(found).length) return focusFirstError(found);
    save.mutate(toBody(values));
  };
  /** The translated message for a field's error, if it has one. */
  const fieldError = (field: keyof E & string) => {
    const code = errors[field];
    return code ? t(`admin.validation.${code}` as 'admin.validation.name') : undefined;
  };
  return { values, update, errors, fieldError, save, submit };
}
