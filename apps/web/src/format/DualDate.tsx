import { dualDateParts, type DateStyle, DUAL_DATE_SEPARATOR } from './dual-date';
import { usePreferences } from './preferences';

interface DualDateProps {
  value: Date | string | number | null | undefined;
  style?: DateStyle;
  withTime?: boolean;
}

/** Hijri (Umm al-Qura) beside Gregorian, in Riyadh time, with the user's digits. */
export function DualDate({ value, style = 'long', withTime = false }: DualDateProps) {
  const { language, digits } = usePreferences();
  const parts = value === null || value === undefined ? null : dualDateParts(value, language, { digits, style, withTime });
  if (!parts) return <span aria-label="—">—</span>;
  return (
    <time dateTime={parts.iso} className="dual-date">
      <span className="dual-date__hijri">{parts.hijri}</span>
      <span className="dual-date__separator" aria-hidden="true">
        {DUAL_DATE_SEPARATOR}
      </span>
      <span className="dual-date__gregorian">{parts.gregorian}</span>
      {parts.time ? <span className="dual-date__time">{`${language === 'ar' ? '، ' : ', '}${parts.time}`}</span> : null}
    </time>
  );
}
