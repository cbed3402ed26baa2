// The viewer, in the response of a page rendered for this request: its header and
// comment controls need no request of their own.
import { PublishViewer } from '@/components/site/publish-viewer';
import { meOf } from '@/lib/viewer/me';
import { getViewer } from '@/lib/viewer/viewer';

export async function ViewerState() {
  return <PublishViewer me={meOf(await getViewer())} />;
}
