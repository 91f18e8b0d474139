import { createTheme, type MantineColorsTuple } from '@mantine/core';

// Comptoir's navy, light to dark; shade 7 is the brand colour (#1f4e79), which keeps
// white text above 8:1 contrast on buttons and the header.
const comptoir: MantineColorsTuple = ['#e9f1f8', '#cfdeec', '#a9c3dc', '#7fa6cb', '#5a8bba', '#3f74a7', '#2c6193', '#1f4e79', '#173c5e', '#0f2a44'];

export const theme = createTheme({
  primaryColor: 'comptoir',
  primaryShade: 7,
  colors: { comptoir },
  fontFamily: "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif",
  defaultRadius: 'md',
  // Darker shades than Mantine's defaults for text on light backgrounds: axe's contrast rule (4.5:1).
  components: {
    // Badges keep the labels' own case: they are words (statuses, profiles), not codes.
    Badge: { defaultProps: { variant: 'light' }, styles: { root: { textTransform: 'none' } } },
    Anchor: { defaultProps: { underline: 'hover' } },
    // Choosing the current option again keeps it (Mantine's default clears it); clearing is the ✕ button's job.
    Select: { defaultProps: { allowDeselect: false } },
    // Dense business tables: rows stay legible on hover, more of them fit on a screen.
    Table: { defaultProps: { highlightOnHover: true, verticalSpacing: 'xs' } },
  },
});
