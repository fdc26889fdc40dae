import { createTheme } from '@mantine/core';

// System fonts only (no web-font downloads); Arabic-capable faces first.
const FONT_STACK = "'Noto Sans Arabic', 'Noto Naskh Arabic', 'Segoe UI', Tahoma, 'Geeza Pro', system-ui, -apple-system, sans-serif";

export const theme = createTheme({
  fontFamily: FONT_STACK,
  headings: { fontFamily: FONT_STACK },
  primaryColor: 'teal',
  primaryShade: 8,
  defaultRadius: 'sm',
  focusRing: 'auto',
  cursorType: 'pointer',
});
