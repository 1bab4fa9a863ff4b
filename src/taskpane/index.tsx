import { createRoot } from 'react-dom/client';
import { App } from './App';
import { chooseMode, forcedTheme } from './startup';

async function start() {
  const element = document.getElementById('root');
  if (!element) return;
  const mode = await chooseMode();
  createRoot(element).render(<App mode={mode} theme={forcedTheme(location.search)} />);
}

void start();
