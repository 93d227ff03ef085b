import type { ThemeConfig } from 'antd';

// A calm slate-teal primary; Chinese UI fonts first.
export const theme: ThemeConfig = {
  token: {
    colorPrimary: '#1f6f8b',
    colorInfo: '#1f6f8b',
    // antd's default red (#ff4d4f) is 3.3:1 on white; this one passes AA for danger text.
    colorError: '#c8161d',
    borderRadius: 8,
    // Secondary and hint text dark enough for WCAG AA (4.5:1) on white and on the grey page.
    colorTextSecondary: 'rgba(0, 0, 0, 0.65)',
    colorTextDescription: 'rgba(0, 0, 0, 0.65)',
    colorTextTertiary: 'rgba(0, 0, 0, 0.6)',
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.55)',
    fontFamily:
      "-apple-system, BlinkMacSystemFont, 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Source Han Sans SC', 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif",
  },
  components: {
    Layout: {
      headerBg: '#ffffff',
      headerHeight: 64,
      headerPadding: '0 24px',
      bodyBg: '#f4f6f8',
      footerBg: '#f4f6f8',
    },
    Menu: {
      horizontalLineHeight: '62px',
      // The selected entry's text on its tint keeps 4.5:1.
      itemSelectedColor: '#144b5e',
      itemSelectedBg: '#e4eff3',
    },
  },
};
