import { lazy, useEffect, useState } from 'react';
import { formatInteger, formatPercent } from '../../../shared/format/sv';
import { kommunPopulationShares, latestCompletePopulationYear, newerPopulationNote } from '../../../shared/domain/population';
import { MEMBER_KIND_LABELS } from '../../../shared/contract/kinds';
import type { DeskState, DeskView } from '../../../shared/contract/schemas/desk';
import { useApp, type SectionId } from '../store/app';
import { call } from '../api';
import { PopulationChart } from '../components/PopulationChart';
import { PlainAlert, PlainButton } from '../shell/plain';
import { WithMui } from '../shell/WithMui';

/*
 * Översikt is the first screen: plain elements styled by shell.css, so it draws the förbund's
 * figures without waiting for MUI (which the årshjul at its foot, and every other screen, load).
 */

// The årshjul's code (dialog, form) loads after the first screen; it sits at the foot of the page, so nothing above it moves.
const Arshjul = lazy(() => import('../components/Arshjul').then((m) => ({ default: m.Arshjul })));
// Kom igång, for a new förbund's empty database; its code loads only then.
const SetupGuide = lazy(() => import('./setup/SetupGuide').then((m) => ({ default: m.SetupGuide })));

/** Left for now in this window: Översikt shows a line to resume instead of the guide. */
const SETUP_LEFT = 'kansli.setupLeft';

const DESK_STATE_LABELS: Record<DeskState, string> = { sent: 'Sent', snart: 'Snart', vantar: 'Väntar' };

/**
 * Att göra: what is late, due soon and waiting, from every register, each line a link to the
 * thing. Its box has the same height before and after the lines arrive (it scrolls inside),
 * so nothing on the page moves once it has drawn.
 */
function Desk() {
  const go = useApp((s) => s.go);
  const [desk, setDesk] = useState<DeskView | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    call('desk.get', {})
      .then(setDesk)
      .catch(() => setFailed(true));
  }, []);
  const late = desk?.lines.filter((l) => l.state === 'sent').length ?? 0;
  const soon = desk?.lines.filter((l) => l.state === 'snart').length ?? 0;
  return (
    <section className="k-paper k-desk" aria-labelledby="desk-title">
      <div className="k-desk-head">
        <h2 className="k-h3" id="desk-title">
          Att göra
        </h2>
        <span className="k-muted k-small" role="status">
          {failed ? 'Kunde inte hämtas.' : desk === null ? 'Hämtar …' : `${late} sent · ${soon} snart · ${desk.lines.length - late - soon} väntar`}
        </span>
      </div>
      <div className="k-desk-list">
        {desk !== null && desk.lines.length === 0 && <p className="k-muted">Inget är sent eller ska vara klart de närmaste veckorna.</p>}
        {desk !== null && desk.lines.length > 0 && (
          <ul aria-label="Att göra">
            {desk.lines.map((l) => (
              <li key={l.key}>
                <button type="button" onClick={() => go(l.link[0] as SectionId, ...l.link.slice(1))} data-state={l.state}>
                  <span className="k-desk-state">{DESK_STATE_LABELS[l.state]}</span>
                  <span className="k-desk-area">{l.area}</span>
                  <span className="k-desk-text">{l.text}</span>
                </button>
              </li>
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}

function Figure({ label, value, testId }: { label: string; value: string; testId?: string }) {
  return (
    <div className="k-paper k-figure">
      <div className="k-muted k-small">{label}</div>
      <p className="k-h2" data-testid={testId}>
        {value}
      </p>
    </div>
  );
}

export function OverviewScreen() {
  const { forbund, members, go } = useApp();
  const [setupLeft, setSetupLeft] = useState(() => sessionStorage.getItem(SETUP_LEFT) === '1');
  if (!forbund) return null;
  if (!forbund.setupDone && !setupLeft)
    return (
      <WithMui>
        <SetupGuide
          onLeave={() => {
            sessionStorage.setItem(SETUP_LEFT, '1');
            setSetupLeft(true);
          }}
        />
      </WithMui>
    );
  const year = latestCompletePopulationYear(members);
  const shares = year === null ? null : kommunPopulationShares(members, year);
  const others = members.filter((m) => m.kind !== 'kommun');
  const kommunCount = members.filter((m) => m.kind === 'kommun').length;
  const folkmangd = year === null ? 'Folkmängd' : `Folkmängd 1 nov ${year}`;
  // The register shows each member's newest figure; here the year all kommuner share, and why.
  const newer = year === null ? null : newerPopulationNote(members, year);

  return (
    <div className="k-stack">
      <div>
        <h1 className="k-h1">{forbund.name}</h1>
        <p className="k-muted" style={{ margin: '4px 0 0' }}>
          {[forbund.orgNr ? `Org.nr ${forbund.orgNr}` : 'Organisationsnummer saknas', forbund.address, forbund.email].filter(Boolean).join(' · ')}
        </p>
      </div>

      {!forbund.setupDone && (
        <PlainAlert
          severity="info"
          title="Kom igång är inte avslutad"
          action={{
            label: 'Fortsätt',
            run: () => {
              sessionStorage.removeItem(SETUP_LEFT);
              setSetupLeft(false);
            },
          }}
        >
          Förbundets uppgifter, medlemmar, styrelsen och årshjulet – fortsätt där du slutade.
        </PlainAlert>
      )}

      {forbund.isDemo && (
        <PlainAlert severity="info">
          Databasen innehåller exempeldata som liknar ett länsförbund. Ändra förbundets uppgifter och medlemmar under Register, eller{' '}
          {window.kansli ? 'skapa en ny databas via Arkiv → Ny databas.' : 'starta värden med en ny, tom databas (npm run host -- --db NY-FIL.sqlite --empty).'}
        </PlainAlert>
      )}

      <Desk />

      <div className="k-figures">
        <Figure label="Medlemmar" value={String(members.length)} testId="figure-members" />
        <Figure label="Kommuner" value={String(kommunCount)} />
        <Figure label={folkmangd} value={shares ? formatInteger(shares.total) : '–'} />
      </div>

      {members.length === 0 ? (
        <section className="k-paper" style={{ padding: 24 }}>
          <h2 className="k-h3">Inga medlemmar ännu</h2>
          <p className="k-muted">Ett samordningsförbund har Försäkringskassan, Arbetsförmedlingen, en region och en eller flera kommuner som medlemmar.</p>
          <PlainButton contained onClick={() => go('register')}>
            Lägg till medlemmar
          </PlainButton>
        </section>
      ) : (
        <div className="k-two">
          <section className="k-paper">
            <h2 className="k-h3">Förbundets medlemmar</h2>
            <table className="k-table" aria-label="Förbundets medlemmar">
              <thead>
                <tr>
                  <th scope="col">Medlem</th>
                  <th scope="col">Typ</th>
                  <th scope="col" className="k-num">
                    {folkmangd}
                  </th>
                  <th scope="col" className="k-num">
                    Andel
                  </th>
                </tr>
              </thead>
              <tbody>
                {others.map((m) => (
                  <tr key={m.id}>
                    <td>{m.name}</td>
                    <td>{MEMBER_KIND_LABELS[m.kind]}</td>
                    <td className="k-num">–</td>
                    <td className="k-num">–</td>
                  </tr>
                ))}
                {(shares?.rows ?? members.filter((m) => m.kind === 'kommun').map((member) => ({ member, population: 0, share: 0 }))).map((r) => (
                  <tr key={r.member.id}>
                    <td>{r.member.name}</td>
                    <td>{MEMBER_KIND_LABELS.kommun}</td>
                    <td className="k-num">{shares ? formatInteger(r.population) : '–'}</td>
                    <td className="k-num">{shares ? formatPercent(r.share) : '–'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {newer && (
              <p className="k-small" style={{ margin: '12px 0 0' }} data-testid="population-note">
                {newer}
              </p>
            )}
            <p className="k-muted k-small" style={{ margin: '12px 0 0' }}>
              Staten betalar hälften av medlemsavgiften genom Försäkringskassan, regionen en fjärdedel och kommunerna en fjärdedel fördelad efter folkmängd den
              1 november året före.
            </p>
          </section>
          <section className="k-paper">
            <h2 className="k-h3">{year === null ? 'Folkmängd per kommun' : `Folkmängd per kommun 1 november ${year}`}</h2>
            {shares && year !== null ? (
              <PopulationChart rows={shares.rows} year={year} />
            ) : (
              <p className="k-muted">Ange folkmängd för alla kommuner för samma år för att se fördelningen.</p>
            )}
          </section>
        </div>
      )}
      <WithMui fallback={<div className="k-paper" style={{ minHeight: 260 }} />}>
        <Arshjul />
      </WithMui>
    </div>
  );
}
