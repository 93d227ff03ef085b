export const allianceKeys = {
  all: ['alliance'] as const,
  meetings: () => ['alliance', 'meetings'] as const,
  meeting: (id: number) => ['alliance', 'meetings', id] as const,
  actions: (filters: Record<string, string>) => ['alliance', 'actions', filters] as const,
};
