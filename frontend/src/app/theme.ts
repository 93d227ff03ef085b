import type { ThemeConfig } from 'antd';

// A calm slate-teal primary; Chinese UI fonts first.
export const theme: ThemeConfig = {
  token: {
    colorPrimary: '#1f6f8b',
    colorInfo: '#1f6f8b',
    borderRadius: 8,
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
    },
  },
};
