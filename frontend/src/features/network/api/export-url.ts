import type { ExportEntity, ExportFormat } from '../types';

/**
 * The download address of an export. A plain link (not fetch): the browser sends the session
 * cookie and saves the file under the name the server gives in Content-Disposition. The
 * export takes the list endpoints' filters, so a list page exports what it shows.
 */
export function exportUrl(entity: ExportEntity, format: ExportFormat, filters?: URLSearchParams): string {
  const params = new URLSearchParams({ entity, format });
  for (const [key, value] of filters ?? []) {
    if (key !== 'page' && key !== 'page_size') params.append(key, value);
  }
  return `/api/network/export?${params.toString()}`;
}
