import { useParams } from 'react-router-dom';

import { RequireAuth } from '@/features/auth/components/require-auth';
import { ParkDetail } from '@/features/network/components/park-detail';
import { ParkList } from '@/features/network/components/park-list';

import { NotFoundRoute } from './not-found';

export function ParksRoute() {
  return (
    <RequireAuth>
      <ParkList />
    </RequireAuth>
  );
}

export function ParkRoute() {
  const { id } = useParams();
  const parkId = Number(id);
  return (
    <RequireAuth>
      {Number.isInteger(parkId) && parkId > 0 ? <ParkDetail key={parkId} id={parkId} /> : <NotFoundRoute />}
    </RequireAuth>
  );
}
