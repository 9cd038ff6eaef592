import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Snackbar from '@mui/material/Snackbar';
import { useApp } from '../store/app';

/** How long a notice stays: a confirmation briefly, an error long enough to read (it also goes when you open another screen). */
const HIDE_AFTER = { success: 6_000, info: 8_000, error: 15_000 } as const;

/** The one notice at the foot of the window: "Sparat", an error, or "Borttagen" with Ångra. */
export default function Notices() {
  const notice = useApp((s) => s.notice);
  const clearNotice = useApp((s) => s.clearNotice);
  return (
    <Snackbar
      key={notice?.id}
      open={notice !== null}
      autoHideDuration={notice ? HIDE_AFTER[notice.severity] : null}
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
  );
}
