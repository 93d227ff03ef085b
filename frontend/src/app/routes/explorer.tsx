import { RequireAuth } from '@/features/auth/components/require-auth';
import { GraphExplorer } from '@/features/graph-explorer/components/graph-explorer';

export function ExplorerRoute() {
  return (
    <RequireAuth>
      <GraphExplorer />
    </RequireAuth>
  );
}
