import { lazy, Suspense } from 'react';
import LinearProgress from '@mui/material/LinearProgress';
import Alert from '@mui/material/Alert';
import AppBar from '@mui/material/AppBar';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import CircularProgress from '@mui/material/CircularProgress';
import Drawer from '@mui/material/Drawer';
import List from '@mui/material/List';
import ListItemButton from '@mui/material/ListItemButton';
import ListItemIcon from '@mui/material/ListItemIcon';
import ListItemText from '@mui/material/ListItemText';
import Snackbar from '@mui/material/Snackbar';
import Toolbar from '@mui/material/Toolbar';
import Typography from '@mui/material/Typography';
import DashboardOutlined from '@mui/icons-material/DashboardOutlined';
import DescriptionOutlined from '@mui/icons-material/DescriptionOutlined';
import AssignmentOutlined from '@mui/icons-material/AssignmentOutlined';
import FolderSharedOutlined from '@mui/icons-material/FolderSharedOutlined';
import AccountBalanceWalletOutlined from '@mui/icons-material/AccountBalanceWalletOutlined';
import ShieldOutlined from '@mui/icons-material/ShieldOutlined';
import FlagOutlined from '@mui/icons-material/FlagOutlined';
import MenuBookOutlined from '@mui/icons-material/MenuBookOutlined';
import AlertTitle from '@mui/material/AlertTitle';
import Stack from '@mui/material/Stack';
import type { AppInfo } from '../../shared/contract/schemas/forbund';
import { SECTIONS, useApp, type SectionId } from './store/app';
import { OverviewScreen } from './screens/OverviewScreen';
import { GlobalSearch } from './components/GlobalSearch';
import ArticleOutlined from '@mui/icons-material/ArticleOutlined';
import EventNoteOutlined from '@mui/icons-material/EventNoteOutlined';
import { ComingSoonScreen } from './screens/ComingSoonScreen';

const ConfirmDialog = lazy(() => import('./components/ConfirmDialog').then((m) => ({ default: m.ConfirmDialog })));
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

const DRAWER_WIDTH = 248;

const ICONS: Record<SectionId, React.ReactNode> = {
  oversikt: <DashboardOutlined />,
  arenden: <DescriptionOutlined />,
  arendeblad: <ArticleOutlined />,
  sammantraden: <EventNoteOutlined />,
  insatser: <AssignmentOutlined />,
  verksamhetsplan: <FlagOutlined />,
  arsredovisning: <MenuBookOutlined />,
  register: <FolderSharedOutlined />,
  ekonomi: <AccountBalanceWalletOutlined />,
  internkontroll: <ShieldOutlined />,
};

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
    <Stack spacing={1} sx={{ mb: 2 }}>
      {info.readOnly && (
        <Alert severity="warning" data-testid="banner-skrivskyddad">
          <AlertTitle>Databasen är skrivskyddad</AlertTitle>
          {info.readOnly} Du kan läsa allt, men inget kan sparas. Kopiera databasen till en mapp där du kan skriva och öppna kopian.
        </Alert>
      )}
      {info.networkShare && (
        <Alert severity="warning" data-testid="banner-natverksdisk">
          {info.networkShare}
        </Alert>
      )}
    </Stack>
  );
}

/** The question when leaving a screen with changes that are not saved. */
function LeaveDialog() {
  const pending = useApp((s) => s.pendingLeave);
  const answer = useApp((s) => s.answerLeave);
  // The dialog's code loads the first time it is needed.
  if (pending === null) return null;
  return (
    <Suspense fallback={null}>
      <ConfirmDialog
        open
        title="Ändringar som inte är sparade"
        text={`Du har ändringar som inte är sparade (${pending?.what ?? ''}). Om du lämnar sidan försvinner de.`}
        confirmLabel="Lämna utan att spara"
        cancelLabel="Stanna kvar"
        onConfirm={() => answer(true)}
        onCancel={() => answer(false)}
      />
    </Suspense>
  );
}

export function App() {
  const { section, go, load, loading, loadError, forbund, info, notice, clearNotice } = useApp();

  return (
    <Box sx={{ display: 'flex', minHeight: '100vh' }}>
      <AppBar position="fixed" color="primary" sx={{ zIndex: (t) => t.zIndex.drawer + 1 }}>
        <Toolbar>
          <Typography variant="h6" component="div" sx={{ fontWeight: 700, letterSpacing: 0.5, mr: 3 }}>
            Kansli
          </Typography>
          <Typography variant="body1" component="div" sx={{ flexGrow: 1, opacity: 0.9 }} data-testid="forbund-name">
            {forbund?.name ?? ''}
          </Typography>
          <GlobalSearch />
          {forbund?.isDemo && <Chip label="Exempeldata" size="small" sx={{ bgcolor: 'rgba(255,255,255,0.18)', color: 'inherit', mr: 2 }} />}
          {info && (
            <Typography variant="body2" sx={{ opacity: 0.8 }} title={info.databasePath}>
              {info.user}
            </Typography>
          )}
        </Toolbar>
      </AppBar>
      <Drawer variant="permanent" sx={{ width: DRAWER_WIDTH, flexShrink: 0, '& .MuiDrawer-paper': { width: DRAWER_WIDTH, boxSizing: 'border-box' } }}>
        <Toolbar />
        <nav aria-label="Huvudmeny">
          <List>
            {SECTIONS.map((s) => (
              <ListItemButton key={s.id} selected={s.id === section} onClick={() => go(s.id)}>
                <ListItemIcon sx={{ minWidth: 40 }}>{ICONS[s.id]}</ListItemIcon>
                <ListItemText primary={s.label} />
              </ListItemButton>
            ))}
          </List>
        </nav>
      </Drawer>
      <Box component="main" sx={{ flexGrow: 1, p: 3, minWidth: 0 }}>
        <Toolbar />
        <DatabaseBanners info={info} />
        {loading && !forbund ? (
          <Box sx={{ display: 'flex', alignItems: 'center', gap: 2, mt: 4 }}>
            <CircularProgress size={24} /> <Typography>Öppnar databasen …</Typography>
          </Box>
        ) : loadError ? (
          <Alert
            severity="error"
            action={
              <Button color="inherit" onClick={() => void load()}>
                Försök igen
              </Button>
            }
          >
            {loadError}
          </Alert>
        ) : (
          <Suspense fallback={<LinearProgress aria-label="Hämtar sidan" />}>
            <Screen section={section} />
          </Suspense>
        )}
      </Box>
      <LeaveDialog />
      <Snackbar
        key={notice?.id}
        open={notice !== null}
        autoHideDuration={notice?.severity === 'error' ? null : 6000}
        onClose={(_e, reason) => reason !== 'clickaway' && clearNotice()}
        anchorOrigin={{ vertical: 'bottom', horizontal: 'center' }}
      >
        {notice ? (
          <Alert
            severity={notice.severity}
            variant="filled"
            onClose={clearNotice}
            action={
              notice.action && (
                <Button
                  color="inherit"
                  size="small"
                  onClick={() => {
                    clearNotice();
                    void notice.action?.run();
                  }}
                >
                  {notice.action.label}
                </Button>
              )
            }
          >
            {notice.text}
          </Alert>
        ) : undefined}
      </Snackbar>
    </Box>
  );
}
