import { Button, Group, Text } from '@mantine/core';
import { ErrorAlert } from './ErrorAlert';

interface PagedList {
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  isFetchNextPageError: boolean;
  error: unknown;
  fetchNextPage: () => Promise<unknown>;
}

/** Under a cursor-paged table: how many rows are shown, the end of the list or a "load more" button, and a failed page's error. */
export function LoadMoreFooter({ list, shown, end, loadMore }: { list: PagedList; shown: string; end: string; loadMore: string }) {
  return (
    <>
      <Group justify="center" gap="md">
        <Text size="sm" c="dimmed" role="status" aria-live="polite">
          {shown}
          {list.hasNextPage ? '' : ` · ${end}`}
        </Text>
        {list.hasNextPage ? (
          <Button variant="default" onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
            {loadMore}
          </Button>
        ) : null}
      </Group>
      {list.isFetchNextPageError ? <ErrorAlert error={list.error} onRetry={() => void list.fetchNextPage()} /> : null}
    </>
  );
}
