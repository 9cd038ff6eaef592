import { lazy, Suspense, useEffect, useState } from 'react';
import type { AppInfo } from '../../shared/contract/schemas/forbund';
import { SECTIONS, useApp, type SectionId } from './store/app';
import { OverviewScreen } from './screens/OverviewScreen';
import { GlobalSearch } from './components/GlobalSearch';
import { Icon } from './shell/icons';
import { PlainAlert, Progress } from './shell/plain';
import { hostMode, logOut } from './api';

import { WithMui } from './shell/WithMui';

// MUI and its theme load after the first screen; Översikt and the shell are plain elements.
const Notices = lazy(() => import('./shell/Notices'));
const ComingSoonScreen = lazy(() => import('./screens/ComingSoonScreen').then((m) => ({ default: m.ComingSoonScreen })));

const ConfirmDialog = lazy(() => import('./components/ConfirmDialog').then((m) => ({ default: m.ConfirmDialog })));
const ConnectServerDialog = lazy(() => import('./components/ConnectServerDialog').then((m) => ({ default: m.ConnectServerDialog })));
// Every screen but Översikt loads when it is first opened: the first JavaScript stays small.
const DiaryScreen = lazy(() => import('./screens/diary/DiaryScreen').then((m) => ({ default: m.DiaryScreen })));
const ArendebladScreen = lazy(() => import('./screens/arendeblad/ArendebladScreen').then((m) => ({ default: m.ArendebladScreen })));
const MeetingsScreen = lazy(() => import('./screens/meetings/MeetingsScreen').then((m) => ({ default: m.MeetingsScreen })));
const InsatserScreen = lazy(() => import('./screens/insatser/InsatserScreen').then((m) => ({ default: m.InsatserScreen })));
const RegistersScreen = lazy(() => import('./screens/RegistersScreen').then((m) => ({ default: m.RegistersScreen })));
const EkonomiScreen = lazy(() => import('./screens/ekonomi/EkonomiScreen').then((m) => ({ default: m.EkonomiScreen })));
const VerksamhetsplanScreen = lazy(() => import('./screens/verksamhetsplan/VerksamhetsplanScreen').then((m) => ({ default: m.VerksamhetsplanScreen })));
const ArsredovisningScreen = lazy(() => import('./screens/arsredovisning/ArsredovisningScreen').then((m) => ({ default: m.ArsredovisningScreen })));
const InternkontrollScreen = lazy(() => import('./screens/internkontroll/InternkontrollScreen').then((m) => ({ default: m.InternkontrollScreen })));

function Screen({ section }: { section: SectionId }) {
  switch (section) {
    case 'oversikt':
      return <OverviewScreen />;
    case 'register':
      return <RegistersScreen />;
    case 'arenden':
      return <DiaryScreen />;
    case 'arendeblad':
      return <ArendebladScreen />;
    case 'sammantraden':
      return <MeetingsScreen />;
    case 'insatser':
      return <InsatserScreen />;
    case 'ekonomi':
      return <EkonomiScreen />;
    case 'internkontroll':
      return <InternkontrollScreen />;
    case 'verksamhetsplan':
      return <VerksamhetsplanScreen />;
    case 'arsredovisning':
      return <ArsredovisningScreen />;
    default:
      return <ComingSoonScreen section={section} />;
  }
}

/** Read-only database, a network share: said on every screen, above it. */
function DatabaseBanners({ info }: { info: AppInfo | null }) {
  if (!info || (!info.readOnly && !info.networkShare)) return null;
  return (
    <div className="k-stack" style={{ gap: 8, marginBottom: 16 }}>
      {info.readOnly && (
        <PlainAlert severity="warning" title="Databasen är skrivskyddad" testId="banner-skrivskyddad">
          {info.readOnly} Du kan läsa allt, men inget kan sparas. Kopiera databasen till en mapp där du kan skriva och öppna kopian.
        </PlainAlert>
      )}
      {info.networkShare && (
        <PlainAlert severity="warning" testId="banner-natverksdisk">
          {info.networkShare}
        </PlainAlert>
      )}
    </div>
  );
}

/** The question when leaving a screen with changes that are not saved. */
function LeaveDialog() {
  const pending = useApp((s) => s.pendingLeave);
  const answer = useApp((s) => s.answerLeave);
  // The dialog's code loads the first time it is needed.
  if (pending === null) return null;
  return (
    <WithMui>
      <ConfirmDialog
        open
        title="Ändringar som inte är sparade"
        text={`Du har ändringar som inte är sparade (${pending?.what ?? ''}). Om du lämnar sidan försvinner de.`}
        confirmLabel="Lämna utan att spara"
        cancelLabel="Stanna kvar"
        onConfirm={() => answer(true)}
        onCancel={() => answer(false)}
      />
    </WithMui>
  );
}

/**
 * The window: the bar (förbund, search, who you are), the menu and the page. Plain elements
 * and shell.css, so the first screen does not wait for MUI. Below 1200 px the menu is a row
 * of icons; below 900 px it opens from the bar's Meny button.
 */
export function App() {
  const { section, go, load, loading, loadError, forbund, info, notice } = useApp();
  const [menuOpen, setMenuOpen] = useState(false);
  // Arkiv → Anslut till server … in the Electron window.
  const [connecting, setConnecting] = useState(false);
  useEffect(() => window.kansli?.onShowConnect?.(() => setConnecting(true)), []);
  const title = SECTIONS.find((s) => s.id === section)?.label ?? '';

  return (
    <div className="k-app">
      <a
        className="k-skip"
        href="#/"
        onClick={(e) => {
          e.preventDefault();
          document.getElementById('k-main')?.focus();
        }}
      >
        Till sidans innehåll
      </a>
      <header className="k-bar">
        <button type="button" className="k-menu-button" aria-label="Meny" aria-expanded={menuOpen} aria-controls="k-nav" onClick={() => setMenuOpen(!menuOpen)}>
          <Icon name="menu" />
        </button>
        <span className="k-brand">Kansli</span>
        <span className="k-forbund" data-testid="forbund-name">
          {forbund?.name ?? ''}
        </span>
        <GlobalSearch />
        {forbund?.isDemo && <span className="k-chip">Exempeldata</span>}
        {info && (
          <span className="k-user" title={info.databasePath}>
            {info.user}
          </span>
        )}
        {hostMode === 'logins' && (
          <button type="button" className="k-button k-logout" onClick={() => void logOut().finally(() => window.location.reload())}>
            Logga ut
          </button>
        )}
      </header>
      <nav id="k-nav" className="k-nav" aria-label="Huvudmeny" data-open={menuOpen}>
        <ul>
          {SECTIONS.map((s) => (
            <li key={s.id}>
              <a
                href={`#/${s.id}`}
                aria-current={s.id === section ? 'page' : undefined}
                title={s.label}
                onClick={(e) => {
                  e.preventDefault();
                  setMenuOpen(false);
                  go(s.id);
                }}
              >
                <Icon name={s.id} />
                <span className="k-nav-label">{s.label}</span>
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <main id="k-main" className="k-main" tabIndex={-1} aria-label={title}>
        <DatabaseBanners info={info} />
        {loading && !forbund ? (
          <p className="k-muted" role="status">
            Öppnar databasen …
          </p>
        ) : loadError ? (
          <PlainAlert severity="error" action={{ label: 'Försök igen', run: () => void load() }}>
            {loadError}
          </PlainAlert>
        ) : section === 'oversikt' ? (
          <OverviewScreen />
        ) : (
          <WithMui fallback={<Progress label="Hämtar sidan" />}>
            <Suspense fallback={<Progress label="Hämtar sidan" />}>
              <Screen section={section} />
            </Suspense>
          </WithMui>
        )}
      </main>
      <LeaveDialog />
      {connecting && (
        <WithMui>
          <Suspense fallback={null}>
            <ConnectServerDialog onClose={() => setConnecting(false)} />
          </Suspense>
        </WithMui>
      )}
      {notice && (
        <WithMui>
          <Notices />
        </WithMui>
      )}
    </div>
  );
}
