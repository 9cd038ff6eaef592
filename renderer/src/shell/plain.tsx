import type { ReactNode } from 'react';
import { Icon } from './icons';

/**
 * The few pieces the first screen needs, as plain elements styled by shell.css: a message
 * box, a button and a progress bar. They look like MUI's Alert, Button and LinearProgress.
 */

export function PlainAlert(props: {
  severity: 'info' | 'warning' | 'error';
  title?: string;
  children: ReactNode;
  action?: { label: string; run: () => void };
  testId?: string;
  label?: string;
}) {
  return (
    <div
      className={`k-alert k-alert-${props.severity}`}
      role={props.severity === 'info' ? 'note' : 'alert'}
      data-testid={props.testId}
      aria-label={props.label}
    >
      <Icon name={props.severity === 'info' ? 'info' : 'warning'} size={22} />
      <div className="k-alert-text">
        {props.title && <div className="k-alert-title">{props.title}</div>}
        {props.children}
      </div>
      {props.action && <PlainButton onClick={props.action.run}>{props.action.label}</PlainButton>}
    </div>
  );
}

export function PlainButton(props: { children: ReactNode; onClick: () => void; contained?: boolean; tone?: 'error' }) {
  return (
    <button type="button" className={props.contained ? 'k-button k-button-contained' : 'k-button'} data-tone={props.tone} onClick={props.onClick}>
      {props.children}
    </button>
  );
}

export function Progress({ label }: { label: string }) {
  return <div className="k-progress" role="progressbar" aria-label={label} />;
}
