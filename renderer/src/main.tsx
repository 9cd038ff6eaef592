import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './shell/shell.css';
import { App } from './App';
import { useApp } from './store/app';
import { currentLogin, hostMode, LOGGED_OUT_EVENT } from './api';
import { LoginScreen } from './screens/LoginScreen';

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
function start(): void {
  const loaded = useApp.getState().load();
  void Promise.race([loaded, new Promise((resolve) => setTimeout(resolve, 300))]).then(render);
}

if (hostMode !== 'logins') start();
else {
  // A kansli server: the app once the person is logged in; the login again when the session ends.
  window.addEventListener(LOGGED_OUT_EVENT, () => window.location.reload(), { once: true });
  void currentLogin().then((me) => {
    if (me !== null) return start();
    const login = createRoot(container);
    login.render(
      <StrictMode>
        <LoginScreen
          onLoggedIn={() => {
            login.unmount();
            start();
          }}
        />
      </StrictMode>,
    );
  });
}
