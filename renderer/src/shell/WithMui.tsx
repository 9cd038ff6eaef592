import { lazy, Suspense, type ReactNode } from 'react';

const MuiRoot = lazy(() => import('./MuiRoot'));

/** MUI's theme around a part that uses MUI, loading MUI the first time (the fallback, or nothing, until it has). */
export function WithMui({ children, fallback = null }: { children: ReactNode; fallback?: ReactNode }) {
  return (
    <Suspense fallback={fallback}>
      <MuiRoot>{children}</MuiRoot>
    </Suspense>
  );
}
