export type PartStatus = 'up' | 'down' | 'not_configured';
export type OverallStatus = 'ok' | 'degraded';

/** The parts the server checks today; a newer server may report more. */
export type KnownPartName = 'database' | 'redis' | 'channel_layer' | 'neo4j' | 'celery';

export type HealthPart = {
  name: KnownPartName | (string & {});
  label?: string;
  status: PartStatus;
  required: boolean;
  latency_ms: number | null;
  detail: string | null;
};

/** GET /api/health answers 200 (ok) or 503 (degraded) with this body either way. */
export type HealthReport = {
  status: OverallStatus;
  checked_at: string;
  parts: HealthPart[];
};
