import { Anchor, type CSSVariablesResolver, createTheme, darken } from '@mantine/core';

// Darker primary shades than Mantine's defaults keep text on buttons and links above WCAG AA contrast.
export const theme = createTheme({
  primaryColor: 'indigo',
  primaryShade: 8,
  defaultRadius: 'sm',
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
  components: {
    // Links inside sentences must not be told apart by colour alone.
    Anchor: Anchor.extend({ defaultProps: { underline: 'always' } }),
  },
});

/**
 * Text that sits on a tinted background (alerts, light badges) is drawn in each colour's "light-color".
 * Mantine's is shade 6, 2:1 to 4:1 on those tints: green, orange and yellow stay below AA even at
 * shade 9. Shade 9 darkened by 30% is 5:1 to 8:1 for every colour.
 */
const readableOnTint = (t: Parameters<CSSVariablesResolver>[0]) =>
  Object.fromEntries(
    Object.entries(t.colors).map(([name, shades]) => [
      `--mantine-color-${name}-light-color`,
      darken(shades[9] ?? '#000', 0.3),
    ]),
  );

/** Mantine's "dimmed" grey is 3.3:1 on white, below AA for small text; gray.7 is 8:1. */
export const cssVariablesResolver: CSSVariablesResolver = (t) => ({
  variables: {},
  light: { '--mantine-color-dimmed': t.colors.gray[7] ?? '#495057', ...readableOnTint(t) },
  dark: {},
});
