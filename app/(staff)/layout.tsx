import { ViewerLayout } from '@/app/_viewer/viewer-layout';

// Rendered for each request (it reads the session), so it may block.
export const instant = false;

export default ViewerLayout;
