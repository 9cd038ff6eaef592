import { useState } from 'react';
import Box from '@mui/material/Box';
import ButtonBase from '@mui/material/ButtonBase';
import Menu from '@mui/material/Menu';
import MenuItem from '@mui/material/MenuItem';
import Typography from '@mui/material/Typography';
import type { RiskYearView } from '../../../../shared/contract/schemas/internkontroll';
import { CROWDED, type MatrixCell } from '../../../../shared/domain/internkontroll';

/**
 * The heat map: sannolikhet from the top down, konsekvens left to right, each cell in
 * its level's colour with the risks' ids; a crowded cell shows a count and the ids, and
 * clicking it lists the risks to open.
 */
export function RiskMatrix({ analysis, onOpen }: { analysis: RiskYearView; onOpen: (riskId: number) => void }) {
  const [menu, setMenu] = useState<{ anchor: HTMLElement; cell: MatrixCell } | null>(null);
  const { scale, matrix } = analysis;
  const rowWords = [...scale.sannolikhet].reverse();
  return (
    <Box>
      <Box
        sx={{ display: 'grid', gridTemplateColumns: `28px 120px repeat(${scale.size}, minmax(86px, 1fr))`, gap: '3px', alignItems: 'stretch' }}
        role="group"
        aria-label={`Riskmatris ${analysis.year}`}
      >
        <Box sx={{ gridRow: `1 / span ${scale.size}`, display: 'flex', alignItems: 'center', justifyContent: 'center' }}>
          <Typography sx={{ transform: 'rotate(-90deg)', fontWeight: 700, fontSize: 13, whiteSpace: 'nowrap' }}>Sannolikhet</Typography>
        </Box>
        {matrix.map((row, r) => [
          <Typography key={`l${r}`} sx={{ gridColumn: 2, alignSelf: 'center', textAlign: 'right', pr: 1, fontSize: 13 }}>
            {rowWords[r]}
          </Typography>,
          ...row.map((cell) => {
            const label = `Sannolikhet ${scale.sannolikhet[cell.sannolikhet - 1]?.toLocaleLowerCase('sv')}, konsekvens ${scale.konsekvens[cell.konsekvens - 1]?.toLocaleLowerCase('sv')} (riskvärde ${cell.value}): ${cell.risks.length === 0 ? 'inga risker' : cell.text}`;
            return (
              <ButtonBase
                key={`${cell.sannolikhet}-${cell.konsekvens}`}
                aria-label={label}
                title={cell.risks.map((x) => `${x.code} ${x.title}`).join('\n')}
                disabled={cell.risks.length === 0}
                onClick={(e) => (cell.risks.length === 1 ? onOpen(cell.risks[0]!.id) : setMenu({ anchor: e.currentTarget, cell }))}
                sx={{
                  bgcolor: cell.level.color,
                  minHeight: 58,
                  borderRadius: 1,
                  p: 0.5,
                  display: 'flex',
                  flexDirection: 'column',
                  '&.Mui-disabled': { opacity: 1 },
                }}
              >
                {cell.risks.length > CROWDED ? (
                  <>
                    <Typography sx={{ fontWeight: 700, fontSize: 14 }}>{cell.risks.length} risker</Typography>
                    <Typography sx={{ fontSize: 11 }}>{cell.risks.map((x) => x.code).join(', ')}</Typography>
                  </>
                ) : (
                  <Typography sx={{ fontWeight: 700, fontSize: 14 }} data-testid={`cell-${cell.sannolikhet}-${cell.konsekvens}`}>
                    {cell.text}
                  </Typography>
                )}
              </ButtonBase>
            );
          }),
        ])}
        <Box />
        <Box />
        {scale.konsekvens.map((k) => (
          <Typography key={k} sx={{ textAlign: 'center', fontSize: 13 }}>
            {k}
          </Typography>
        ))}
        <Box />
        <Box />
        <Typography sx={{ gridColumn: `3 / span ${scale.size}`, textAlign: 'center', fontWeight: 700, fontSize: 13 }}>Konsekvens</Typography>
      </Box>
      <Box sx={{ display: 'flex', gap: 2, mt: 1, flexWrap: 'wrap' }}>
        {scale.levels.map((l) => (
          <Box key={l.label} sx={{ display: 'flex', alignItems: 'center', gap: 0.5 }}>
            <Box sx={{ width: 14, height: 12, bgcolor: l.color, borderRadius: 0.5 }} />
            <Typography variant="caption">
              {l.label} (t.o.m. {l.upTo})
            </Typography>
          </Box>
        ))}
      </Box>
      <Menu anchorEl={menu?.anchor} open={menu !== null} onClose={() => setMenu(null)}>
        {menu?.cell.risks.map((x) => (
          <MenuItem
            key={x.id}
            onClick={() => {
              setMenu(null);
              onOpen(x.id);
            }}
          >
            {x.code} {x.title}
          </MenuItem>
        ))}
      </Menu>
    </Box>
  );
}
