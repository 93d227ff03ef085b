/** Date and time as the reader expects them in the UI language (Asia/Shanghai by the browser). */
export function formatDateTime(value: string | null | undefined, language: string): string {
  if (!value) {
    return '—';
  }
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) {
    return value;
  }
  return date.toLocaleString(language.startsWith('en') ? 'en-GB' : 'zh-CN', {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  });
}

export function formatDate(value: string | null | undefined, language: string): string {
  if (!value) {
    return '—';
  }
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) {
    return value;
  }
  return date.toLocaleDateString(language.startsWith('en') ? 'en-GB' : 'zh-CN', {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  });
}

export function formatBytes(size: number): string {
  if (size < 1024) {
    return `${size} B`;
  }
  if (size < 1024 * 1024) {
    return `${(size / 1024).toFixed(1)} KB`;
  }
  return `${(size / (1024 * 1024)).toFixed(1)} MB`;
}

export type ExpiryState = 'expired' | 'soon' | 'ok';

const SOON_MS = 7 * 24 * 3600 * 1000;

/** Expired, running out within a week, or fine. */
export function expiryState(expiresAt: string, isExpired: boolean, now: number = Date.now()): ExpiryState {
  const at = new Date(expiresAt).getTime();
  if (isExpired || at <= now) {
    return 'expired';
  }
  return at - now <= SOON_MS ? 'soon' : 'ok';
}
