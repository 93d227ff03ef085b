import { useParams } from 'react-router-dom';

import { RequireAuth } from '@/features/auth/components/require-auth';
import { OrganisationDetail } from '@/features/network/components/organisation-detail';
import { OrganisationList } from '@/features/network/components/organisation-list';

import { NotFoundRoute } from './not-found';

export function OrganisationsRoute() {
  return (
    <RequireAuth>
      <OrganisationList />
    </RequireAuth>
  );
}

export function OrganisationRoute() {
  const { id } = useParams();
  const organisationId = Number(id);
  return (
    <RequireAuth>
      {Number.isInteger(organisationId) && organisationId > 0 ? (
        <OrganisationDetail key={organisationId} id={organisationId} />
      ) : (
        <NotFoundRoute />
      )}
    </RequireAuth>
  );
}
