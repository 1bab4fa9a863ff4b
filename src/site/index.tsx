import { createRoot } from 'react-dom/client';
import { apiBaseUrl } from '../taskpane/session';
import { Site, viewFor } from './Site';

// ?theme=dark or ?theme=light forces a theme (screenshots); otherwise the system's.
const asked = new URLSearchParams(location.search).get('theme');
const theme = asked === 'dark' || asked === 'light' ? asked : undefined;

const element = document.getElementById('root');
if (element) createRoot(element).render(<Site view={viewFor(location.pathname)} theme={theme} baseUrl={apiBaseUrl()} />);
