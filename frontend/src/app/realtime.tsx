import { useUser } from '@/features/auth/api/get-me';
import { useNotificationStream } from '@/features/notifications/hooks/use-notification-stream';

/**
 * Keeps the notifications socket open while someone is signed in. Events are small
 * (`{type, id}`); the client refetches what they point at through TanStack Query.
 */
export function RealtimeBridge() {
  const { data: user } = useUser();
  useNotificationStream(user?.id);
  return null;
}
