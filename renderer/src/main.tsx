import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './shell/shell.css';
import { App } from './App';
import { useApp } from './store/app';

const root = document.getElementById('root');
if (!root) throw new Error('#root saknas i index.html');
const container = root;

function render(): void {
  createRoot(container).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}

// The förbund and its members are asked for before React's first render; the first render
// waits for them a moment, so Översikt is drawn once with its figures instead of twice.
const loaded = useApp.getState().load();
void Promise.race([loaded, new Promise((resolve) => setTimeout(resolve, 300))]).then(render);
