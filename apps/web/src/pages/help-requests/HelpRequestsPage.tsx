import { Anchor, Button, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useParams } from 'react-router-dom';
import { ApiError } from '../../api/api-error';
import { api, unwrap } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { PageTitle } from '../../components/PageTitle';
import { helpRequestKeys, helpRequests } from './help-request-api';
import { HelpRequestList } from './HelpRequestList';
import { IntakeWizard } from './IntakeWizard';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * `/help-requests` the list, `/help-requests/new` a new intake (`?ticket=` on an existing ticket),
 * `/help-requests/ticket/<ticketId>` the request of a ticket, `/help-requests/<id>` the wizard of one request.
 */
export function HelpRequestsPage() {
  const { t } = useTranslation();
  const [first = '', second = ''] = (useParams()['*'] ?? '').split('/');
  if (first === '') return <HelpRequestList />;
  if (first === 'new') return <IntakeWizard key="new" id={null} />;
  if (first === 'ticket' && UUID.test(second)) return <TicketHelpRequest key={second} ticketId={second} />;
  if (UUID.test(first)) return <IntakeWizard key={first} id={first} />;
  return (
    <Stack>
      <PageTitle>{t('errors.notFound')}</PageTitle>
      <Anchor component={Link} to="/help-requests" size="sm">
        {t('helpRequests.title')}
      </Anchor>
    </Stack>
  );
}

/** A help-request ticket opens its application, or offers to start one on it. */
function TicketHelpRequest({ ticketId }: { ticketId: string }) {
  const { t } = useTranslation();
  const request = useQuery({ queryKey: helpRequestKeys.ofTicket(ticketId), queryFn: () => helpRequests.ofTicket(ticketId), retry: false });
  const missing = request.error instanceof ApiError && request.error.status === 404;
  const ticket = useQuery({
    queryKey: ['tickets', 'detail', ticketId],
    queryFn: () => unwrap(api.GET('/api/v1/tickets/{id}', { params: { path: { id: ticketId } } })),
    enabled: missing,
  });
  if (request.data) return <Navigate to={`/help-requests/${request.data.id}`} replace />;
  if (request.isPending || (missing && ticket.isPending)) return <Loading />;
  if (!missing) return <ErrorAlert error={request.error} onRetry={() => void request.refetch()} />;
  if (ticket.error || !ticket.data) return <ErrorAlert error={ticket.error} onRetry={() => void ticket.refetch()} />;
  return (
    <Stack>
      <PageTitle>{t('helpRequests.ticketLink', { number: ticket.data.number })}</PageTitle>
      <Text>{t('helpRequests.noRequestOnTicket')}</Text>
      <div>
        <Button component={Link} to={`/help-requests/new?ticket=${ticketId}`}>
          {t('helpRequests.startOnTicket', { number: ticket.data.number })}
        </Button>
      </div>
    </Stack>
  );
}
