import { useState, type FormEvent } from 'react';
import { errorMessage, logIn, type LoggedIn } from '../api';
import { PlainAlert } from '../shell/plain';

/**
 * The kansli server's door (issue 18): each person logs in with their own login on the
 * server. Plain elements, like the first screen: nothing of MUI is loaded before it.
 */
export function LoginScreen({ onLoggedIn }: { onLoggedIn: (me: LoggedIn) => void }) {
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (login.trim() === '' || password === '') {
      setError('Ange användarnamn och lösenord.');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      onLoggedIn(await logIn(login.trim(), password));
    } catch (err) {
      setError(errorMessage(err));
      setPassword('');
    } finally {
      setBusy(false);
    }
  }

  return (
    <main className="k-login" aria-labelledby="k-login-title">
      <form className="k-login-form" onSubmit={(e) => void submit(e)} noValidate>
        <h1 id="k-login-title">Logga in på Kansli</h1>
        <p className="k-muted">Använd din egen inloggning på förbundets server.</p>
        <label className="k-login-field">
          <span>Användarnamn</span>
          <input name="username" autoComplete="username" value={login} onChange={(e) => setLogin(e.target.value)} autoFocus required />
        </label>
        <label className="k-login-field">
          <span>Lösenord</span>
          <input name="password" type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} required />
        </label>
        {error && (
          <PlainAlert severity="error" testId="login-fel">
            {error}
          </PlainAlert>
        )}
        <button type="submit" className="k-button k-button-contained" disabled={busy}>
          {busy ? 'Loggar in …' : 'Logga in'}
        </button>
      </form>
    </main>
  );
}
