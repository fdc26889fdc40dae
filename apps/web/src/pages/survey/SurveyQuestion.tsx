import { type ReactNode, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../format/preferences';
import { SCALE } from './survey-form';

interface ChoiceProps<V> {
  name: string;
  legend: string;
  value: V | undefined;
  onChange: (value: V) => void;
  required?: boolean;
  error?: string | null;
  /** Receives the group's first radio, to focus it when the answer is missing. */
  firstRef?: (element: HTMLInputElement | null) => void;
}

/**
 * A 1–5 question as a real radio group: a fieldset with its legend, one labelled radio per
 * score. Arrow keys move between the scores, Space chooses; the focused option is outlined.
 */
export function ScaleQuestion({ name, legend, value, onChange, required, error, firstRef }: ChoiceProps<number>) {
  const { t } = useTranslation();
  const format = useFormat();
  const labels = [t('survey.scale1'), t('survey.scale2'), t('survey.scale3'), t('survey.scale4'), t('survey.scale5')];
  return (
    <Choices name={name} legend={legend} required={required} error={error} modifier="scale">
      {SCALE.map((n, i) => (
        <label key={n} className="survey-option">
          <input
            ref={i === 0 ? firstRef : undefined}
            type="radio"
            name={name}
            value={n}
            checked={value === n}
            onChange={() => onChange(n)}
            required={required}
          />
          <span className="survey-option__number">{format.number(n)}</span> <span className="survey-option__text">{labels[i]}</span>
        </label>
      ))}
    </Choices>
  );
}

export function YesNoQuestion({ name, legend, value, onChange, error, firstRef }: ChoiceProps<boolean>) {
  const { t } = useTranslation();
  const options: [boolean, string][] = [
    [true, t('survey.yes')],
    [false, t('survey.no')],
  ];
  return (
    <Choices name={name} legend={legend} error={error} modifier="yes-no">
      {options.map(([option, label], i) => (
        <label key={label} className="survey-option">
          <input
            ref={i === 0 ? firstRef : undefined}
            type="radio"
            name={name}
            value={String(option)}
            checked={value === option}
            onChange={() => onChange(option)}
          />
          <span className="survey-option__text">{label}</span>
        </label>
      ))}
    </Choices>
  );
}

function Choices({
  name,
  legend,
  required,
  error,
  modifier,
  children,
}: {
  name: string;
  legend: string;
  required?: boolean;
  error?: string | null;
  modifier: string;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const errorId = useId();
  return (
    <fieldset className="survey-question" data-question={name} aria-invalid={error ? true : undefined} aria-describedby={error ? errorId : undefined}>
      <legend>
        {legend}
        {required ? (
          <span className="survey-required">
            {' '}
            <span aria-hidden="true">*</span>
            <span className="sr-only">({t('survey.required')})</span>
          </span>
        ) : null}
      </legend>
      <div className={`survey-options survey-options--${modifier}`}>{children}</div>
      {error ? (
        <p id={errorId} className="survey-error">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
