import { Route, Routes } from 'react-router-dom';

import { AllianceActionsRoute, AllianceMeetingRoute, AllianceProjectorRoute, AllianceRoute } from './alliance';
import { NotFoundRoute } from './not-found';

/** /alliance/* — loaded on demand; notification links point at meetings and action items. */
export function AllianceRoutes() {
  return (
    <Routes>
      <Route index element={<AllianceRoute />} />
      <Route path="meetings/:id" element={<AllianceMeetingRoute />} />
      <Route path="meetings/:id/projector" element={<AllianceProjectorRoute />} />
      <Route path="actions" element={<AllianceActionsRoute />} />
      <Route path="actions/:id" element={<AllianceActionsRoute />} />
      <Route path="*" element={<NotFoundRoute />} />
    </Routes>
  );
}
