import { NotFoundMessage } from '@/components/ui/not-found-message';

export default function NotFound() {
  return (
    <NotFoundMessage title="Page not found">
      There is nothing at this address. It may have been renamed, or the link is mistyped.
    </NotFoundMessage>
  );
}
