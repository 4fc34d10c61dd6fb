import { NotFoundMessage } from '@/components/ui/not-found-message';

export default function ShareLinkNotFound() {
  return (
    <NotFoundMessage title="This share link does not exist">
      No view is shared under this link. Check that it was copied completely, or ask whoever sent it for a new one.
    </NotFoundMessage>
  );
}
