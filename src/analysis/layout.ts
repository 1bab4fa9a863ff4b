import { makeStyles, tokens } from '@fluentui/react-components';

/** The page's shared styles: the taskpane's type scale, in cards on a wide page. */
export const useLayoutStyles = makeStyles({
  card: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    minWidth: 0,
    padding: tokens.spacingVerticalM,
    paddingLeft: tokens.spacingHorizontalL,
    paddingRight: tokens.spacingHorizontalL,
    backgroundColor: tokens.colorNeutralBackground1,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusLarge,
    '@media (max-width: 480px)': { paddingLeft: tokens.spacingHorizontalS, paddingRight: tokens.spacingHorizontalS },
  },
  heading: {
    margin: 0,
    fontSize: tokens.fontSizeBase500,
    lineHeight: tokens.lineHeightBase500,
    fontWeight: tokens.fontWeightSemibold,
    scrollMarginTop: tokens.spacingVerticalL,
    ':focus': { outline: 'none' },
  },
  intro: { margin: 0, color: tokens.colorNeutralForeground2 },
  muted: { margin: 0, color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'center' },
  // Wide tables scroll inside their card, not the page; focusable so the keyboard can scroll them.
  scroll: { overflowX: 'auto', maxWidth: '100%', ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}` } },
  // Fluent's table is fixed-layout at 100%: columns squeeze and overlap on a narrow screen. Let it be as wide as its content and scroll.
  table: { tableLayout: 'auto', width: 'max-content', minWidth: '100%' },
  numberHead: { justifyContent: 'flex-end', textAlign: 'right' },
  tall: { maxHeight: '420px', overflowY: 'auto' },
  number: { textAlign: 'right', fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' },
  nowrap: { whiteSpace: 'nowrap' },
});
