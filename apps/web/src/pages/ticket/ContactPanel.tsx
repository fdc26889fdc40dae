import { Anchor, Badge, Button, Group, Stack, Text } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { api, unwrap } from '../../api/client';
import type { ContactView } from '../../api/views';
import { ErrorAlert } from '../../components/ErrorAlert';
import { StatusBadge } from '../../components/TicketBadges';
import { withDigits } from '../../format/digits';
import { DualDate } from '../../format/DualDate';
import { usePreferences } from '../../format/preferences';
import { SidePanel } from './Timeline';

/** The contact: identities, membership, the masked national ID (audited reveal) and their other tickets. */
export function ContactPanel({ contact, ticketId }: { contact: ContactView; ticketId: string }) {
  const { t } = useTranslation();
  const { digits } = usePreferences();
  const [revealed, setRevealed] = useState<string | null>(null);
  const history = useQuery({
    queryKey: ['contact', contact.id],
    queryFn: () => unwrap(api.GET('/api/v1/contacts/{id}', { params: { path: { id: contact.id } } })),
    staleTime: 60_000,
  });
  const reveal = useMutation({
    mutationFn: () => unwrap(api.GET('/api/v1/contacts/{id}/national-id', { params: { path: { id: contact.id } } })),
    onSuccess: (r) => setRevealed(r.nationalId),
  });
  const others = (history.data?.tickets ?? []).filter((x) => x.id !== ticketId);
  return (
    <SidePanel title={t('ticket.contact.title')} testId="contact-panel">
      <Stack gap="xs">
        <Group gap="xs" wrap="wrap">
          <Text fw={700} className="wrap-anywhere">
            <bdi>{contact.name}</bdi>
          </Text>
          <Badge variant="light" tt="none" size="sm">
            {t(`ticket.contact.kind.${contact.kind}` as 'ticket.contact.kind.member', { defaultValue: contact.kind })}
          </Badge>
        </Group>
        {contact.membershipNumber ? (
          <Text size="sm">
            {t('ticket.contact.membership')}: <bdi dir="ltr">{withDigits(contact.membershipNumber, digits)}</bdi>
          </Text>
        ) : null}
        <div>
          <Text size="xs" fw={700} c="dimmed">
            {t('ticket.contact.identities')}
          </Text>
          <Stack gap={2} component="ul" className="plain-list">
            {contact.identities.map((i) => (
              <li key={`${i.kind}:${i.address}`}>
                <Text size="sm" className="wrap-anywhere">
                  {t(`ticket.contact.identityKind.${i.kind}` as 'ticket.contact.identityKind.phone', { defaultValue: i.kind })}:{' '}
                  <bdi dir="ltr">{i.kind === 'phone' ? withDigits(i.address, digits) : i.address}</bdi>
                </Text>
              </li>
            ))}
          </Stack>
        </div>
        <div>
          <Text size="xs" fw={700} c="dimmed">
            {t('ticket.contact.nationalId')}
          </Text>
          {contact.nationalId ? (
            <Stack gap={4}>
              <Group gap="xs">
                <Text size="sm" ff="monospace" data-testid="national-id">
                  <bdi dir="ltr">{withDigits(revealed ?? contact.nationalId, digits)}</bdi>
                </Text>
                {revealed ? (
                  <Button size="compact-xs" variant="subtle" onClick={() => setRevealed(null)}>
                    {t('ticket.contact.hide')}
                  </Button>
                ) : (
                  <Button size="compact-xs" variant="light" color="orange" onClick={() => reveal.mutate()} loading={reveal.isPending}>
                    {t('ticket.contact.show')}
                  </Button>
                )}
              </Group>
              <Text size="xs" c="orange.9">
                {t('ticket.contact.audited')}
              </Text>
              {reveal.isError ? <ErrorAlert error={reveal.error} /> : null}
            </Stack>
          ) : (
            <Text size="sm" c="dimmed">
              {t('ticket.contact.noNationalId')}
            </Text>
          )}
        </div>
        {contact.surveyOptOut ? (
          <Text size="xs" c="dimmed">
            {t('ticket.contact.surveyOptOut')}
          </Text>
        ) : null}
        {contact.notes ? (
          <Text size="sm" className="timeline-body">
            {t('ticket.contact.notes')}: {contact.notes}
          </Text>
        ) : null}
        <div>
          <Text size="xs" fw={700} c="dimmed">
            {t('ticket.contact.otherTickets')}
          </Text>
          {history.isError ? <ErrorAlert error={history.error} onRetry={() => void history.refetch()} /> : null}
          {history.data && others.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('ticket.contact.noOtherTickets')}
            </Text>
          ) : null}
          <Stack gap={4} component="ul" className="plain-list">
            {others.slice(0, 10).map((x) => (
              <li key={x.id}>
                <Group gap={6} wrap="nowrap" align="flex-start">
                  <StatusBadge status={x.status} />
                  <Stack gap={0} miw={0}>
                    <Anchor component={Link} to={`/tickets/${x.id}`} size="sm" className="wrap-anywhere">
                      <bdi dir="ltr">{withDigits(x.number, digits)}</bdi> — <bdi>{x.subject}</bdi>
                    </Anchor>
                    <Text size="xs" c="dimmed">
                      <DualDate value={x.createdAt} style="short" />
                    </Text>
                  </Stack>
                </Group>
              </li>
            ))}
          </Stack>
        </div>
      </Stack>
    </SidePanel>
  );
}
