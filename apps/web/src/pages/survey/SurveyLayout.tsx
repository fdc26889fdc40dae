import { Button, Text } from '@mantine/core';
import { type ReactNode, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { usePreferences } from '../../format/preferences';
import { otherLanguage } from '../../i18n/language';
import './survey.css';

/** The frame of the public survey pages: the association's name, the language switch, one main column. No sign-in, no console navigation. */
export function SurveyLayout({ title, children }: { title: string; children: ReactNode }) {
  const { t } = useTranslation();
  const { language, setLanguage } = usePreferences();
  const next = otherLanguage(language);

  useEffect(() => {
    document.title = `${title} · ${t('app.name')}`;
  }, [title, t]);

  return (
    <div className="survey-page">
      <header className="survey-header">
        <Text fw={700} className="wrap-anywhere">
          {t('app.name')}
        </Text>
        <Button variant="subtle" size="compact-sm" lang={next} onClick={() => setLanguage(next)} title={t('header.switchLanguageLabel')}>
          {t('header.switchLanguage')}
        </Button>
      </header>
      <main id="main" className="survey-main">
        {children}
      </main>
    </div>
  );
}
