import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { TicketDetailView } from '../../api/views';
import { formatDualDate } from '../../format/dual-date';
import { usePreferences } from '../../format/preferences';
import { letterHtml } from '../../tickets/letter';

interface LetterPreviewProps {
  opened: boolean;
  onClose: () => void;
  ticket: TicketDetailView;
  body: string;
  officerName: string;
}

/**
 * The reply to a postal letter as the printed letter, in the contact's language, dated today (Hijri
 * and Gregorian). "Print / save as PDF" opens the browser's print dialog on the letter alone.
 */
export function LetterPreview({ opened, onClose, ticket, body, officerName }: LetterPreviewProps) {
  const { t, i18n } = useTranslation();
  const { digits } = usePreferences();
  const frame = useRef<HTMLIFrameElement>(null);
  const language = ticket.contactDetail.preferredLanguage === 'en' ? 'en' : 'ar';

  const html = useMemo(() => {
    const lt = i18n.getFixedT(language);
    return letterHtml({
      language,
      organisation: lt('app.name'),
      reference: ticket.number,
      date: formatDualDate(new Date(), language, { digits: language === 'ar' ? digits : 'latn' }),
      salutation: lt('ticket.letter.salutation', { name: ticket.contactDetail.name }),
      subject: ticket.subject,
      body,
      closing: lt('ticket.letter.closing'),
      signatureName: officerName,
      signatureTitle: lt('ticket.letter.signatureTitle'),
      labels: { reference: lt('ticket.letter.reference'), date: lt('ticket.letter.date'), subject: lt('ticket.letter.subject') },
    });
  }, [i18n, language, digits, ticket, body, officerName]);

  return (
    <Modal opened={opened} onClose={onClose} title={t('ticket.letter.title')} size="xl" data-testid="letter-preview">
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t('ticket.letter.hint')}
        </Text>
        <iframe
          ref={frame}
          title={t('ticket.letter.title')}
          srcDoc={html}
          sandbox="allow-modals allow-same-origin"
          style={{ width: '100%', height: '60vh', border: '1px solid var(--mantine-color-gray-3)', background: 'white' }}
          data-testid="letter-frame"
        />
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onClose}>
            {t('ticket.letter.close')}
          </Button>
          <Button onClick={() => frame.current?.contentWindow?.print()} data-testid="letter-print">
            {t('ticket.letter.print')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
