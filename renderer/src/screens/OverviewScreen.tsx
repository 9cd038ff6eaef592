import { lazy, useEffect, useState } from 'react';
import { formatInteger, formatPercent } from '../../../shared/format/sv';
import { kommunPopulationShares, latestCompletePopulationYear, newerPopulationNote } from '../../../shared/domain/population';
import { MEMBER_KIND_LABELS } from '../../../shared/contract/kinds';
import type { EconomyOverview } from '../../../shared/contract/schemas/ekonomi';
import type { OverdueView } from '../../../shared/contract/schemas/internkontroll';
import { useApp } from '../store/app';
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

/** Controls past their date and not done, and åtgärder past theirs, each a link to the checklist. */
function OverdueControls() {
  const go = useApp((s) => s.go);
  const [o, setO] = useState<OverdueView | null>(null);
  useEffect(() => {
    call('internkontroll.overdue', {})
      .then(setO)
      .catch(() => setO(null));
  }, []);
  if (!o || (o.occasions.length === 0 && o.deviations.length === 0)) return null;
  return (
    <section className="k-paper" aria-label="Försenad internkontroll">
      <h2 className="k-h3">Försenad internkontroll</h2>
      <div className="k-links">
        {o.occasions.map((x) => (
          <PlainButton key={`o${x.id}`} onClick={() => go('internkontroll', 'kontroll', String(x.id))}>
            {x.process}: {x.moment} – {x.label} (skulle vara klar {x.dueOn}, {x.ansvarig})
          </PlainButton>
        ))}
        {o.deviations.map((d) => (
          <PlainButton key={`d${d.id}`} tone="error" onClick={() => go('internkontroll', 'kontroll', String(d.occasionId))}>
            Åtgärd: {d.action} – {d.owner}, senast {d.dueOn}
          </PlainButton>
        ))}
      </div>
    </section>
  );
}

/** God ekonomisk hushållning: the year's warnings (budget balance, eget kapital, beslutsutrymme), each a link to Ekonomi. */
function EconomyWarnings() {
  const go = useApp((s) => s.go);
  const [o, setO] = useState<EconomyOverview | null>(null);
  useEffect(() => {
    call('ekonomi.overview', { year: new Date().getFullYear() })
      .then(setO)
      .catch(() => setO(null));
  }, []);
  if (!o || o.warnings.length === 0) return null;
  return (
    <div className="k-stack" style={{ gap: 8 }} aria-label="Ekonomi">
      {o.warnings.map((w) => (
        <PlainAlert
          key={w.key}
          severity={w.level === 'varning' ? 'warning' : 'info'}
          action={{
            label: 'Visa',
            // A budget warning opens the budget of the year it is about (not next year's, the tab's own default).
            run: () =>
              w.key.startsWith('budget')
                ? go('ekonomi', 'budget', String(o.year))
                : go('ekonomi', w.key === 'beslutsutrymme_negativt' ? 'beslutsutrymme' : 'hushallning'),
          }}
        >
          {w.message}
        </PlainAlert>
      ))}
    </div>
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
  if (!forbund) return null;
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

      {forbund.isDemo && (
        <PlainAlert severity="info">
          Databasen innehåller exempeldata som liknar ett länsförbund. Ändra förbundets uppgifter och medlemmar under Register, eller{' '}
          {window.kansli ? 'skapa en ny databas via Arkiv → Ny databas.' : 'starta värden med en ny, tom databas (npm run host -- --db NY-FIL.sqlite --empty).'}
        </PlainAlert>
      )}

      <EconomyWarnings />
      <OverdueControls />

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
