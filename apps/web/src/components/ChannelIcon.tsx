import { Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

// Small line icons drawn here (24×24, stroke), so no icon library is needed.
const PATHS: Record<string, string> = {
  sms: 'M4 5h16v11H8l-4 4z M8 9h8 M8 12h5',
  whatsapp: 'M12 3a9 9 0 0 0-7.8 13.5L3 21l4.6-1.2A9 9 0 1 0 12 3z M9 8.5c0 3.5 3 6.5 6.5 6.5l1-1.5-2-1-1 1c-1-.5-2-1.5-2.5-2.5l1-1-1-2z',
  email: 'M3 6h18v12H3z M3 6l9 7 9-7',
  social: 'M18 8a3 3 0 1 0-3-3 M6 15a3 3 0 1 0 0-6 3 3 0 0 0 0 6z M18 22a3 3 0 1 0 0-6 3 3 0 0 0 0 6z M8.6 13.5l6.8 4 M15.4 6.5l-6.8 4',
  phone: 'M5 4h4l2 5-2.5 1.5a11 11 0 0 0 5 5L15 13l5 2v4a2 2 0 0 1-2 2A16 16 0 0 1 3 6a2 2 0 0 1 2-2z',
  letter: 'M6 3h9l4 4v14H6z M14 3v5h5 M9 12h7 M9 16h7',
  visit: 'M12 11a4 4 0 1 0 0-8 4 4 0 0 0 0 8z M4 21v-1a8 8 0 0 1 16 0v1',
  web: 'M12 3a9 9 0 1 0 0 18 9 9 0 0 0 0-18z M3 12h18 M12 3c3 3.5 3 14.5 0 18 M12 3c-3 3.5-3 14.5 0 18',
  help_request: 'M6 3h12v18H6z M9 8h6 M9 12h6 M9 16h3',
  manual: 'M4 20h4L20 8l-4-4L4 16z',
};

export function ChannelIcon({ channel, size = 16 }: { channel: string; size?: number }) {
  return (
    <svg
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={1.8}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
      className="channel-icon"
    >
      <path d={PATHS[channel] ?? PATHS.manual} />
    </svg>
  );
}

/** The channel's icon and its name (the name is what screen readers read). */
export function ChannelLabel({ channel, compact = false }: { channel: string; compact?: boolean }) {
  const { t } = useTranslation();
  const name = t(`channel.${channel}` as 'channel.sms', { defaultValue: channel });
  return (
    <Group gap={4} wrap="nowrap" className={`channel-label channel-${channel}`} title={compact ? name : undefined}>
      <ChannelIcon channel={channel} />
      {compact ? (
        <span className="visually-hidden">{name}</span>
      ) : (
        <Text span size="sm">
          {name}
        </Text>
      )}
    </Group>
  );
}
