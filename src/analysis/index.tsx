import { createRoot } from 'react-dom/client';
import { AnalysisApp } from './AnalysisApp';

// ?theme=dark or ?theme=light overrides the system's (for screenshots and for anyone who prefers one).
const forced = new URLSearchParams(location.search).get('theme');
const element = document.getElementById('root');
if (element) createRoot(element).render(<AnalysisApp theme={forced === 'dark' || forced === 'light' ? forced : undefined} />);
